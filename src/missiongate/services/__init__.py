"""The workspace's use cases: the only thing the API, the web pages and the workspace commands call to change
a case. Each operation is one function, one transaction; it takes plain values and raises only
`missiongate.errors`. The modules are named for the records they work on, as in `store/`.
"""

from missiongate.services.workspace import Workspace

__all__ = ["Workspace"]
