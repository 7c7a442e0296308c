"""The case workspace REST API: its routers (`api.routers.ROUTERS`), schemas and presenters.

`missiongate.server.app.create_app` mounts it under /api.
"""
