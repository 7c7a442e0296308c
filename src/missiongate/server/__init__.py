"""The HTTP process: the app factory (`server.app`), and what the API and the pages share (`deps`, `errors`).

Nothing is exported here: importing `missiongate.server` must not import the API or the web pages.
"""
