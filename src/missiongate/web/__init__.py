"""The analysts' web workspace: server-rendered pages (Jinja2) enhanced by htmx, beside the REST API.

`install(app)` mounts the pages and the static files; `missiongate.server.app.create_app` calls it.
"""

from missiongate.web.app import install

__all__ = ["install"]
