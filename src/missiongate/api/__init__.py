"""The case workspace REST API: `create_app()` builds it; `deps` has the auth dependencies."""

from missiongate.api.app import create_app

__all__ = ["create_app"]
