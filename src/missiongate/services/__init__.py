"""The workspace's use cases: the only thing the API, the web pages and the workspace commands call, reads
included. Each operation is one function, one transaction; it takes plain values, returns whole results
and raises only `missiongate.errors`. The modules are named for the records they work on, as in `store/`;
`types` re-exports the store's rows and enums the faces name, so that they never import the store.
"""

from missiongate.services.workspace import Workspace

__all__ = ["Workspace"]
