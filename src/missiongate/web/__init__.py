"""The analysts' web workspace: server-rendered pages (Jinja2) enhanced by htmx, beside the REST API.

`install(app)` mounts the pages and the static files; `missiongate.server.app.create_app` calls it and
hands `error_page` to `server.errors.install` for the failures outside any route (unknown paths, crashes).
"""

from missiongate.web.app import failure as error_page
from missiongate.web.app import install

__all__ = ["error_page", "install"]
