"""The analysts' web workspace: server-rendered pages (Jinja2) enhanced by htmx, beside the REST API.

`install(app)` mounts the pages and the static files on the app made by `missiongate.api.create_app`.
"""

from missiongate.web.app import install

__all__ = ["install"]
