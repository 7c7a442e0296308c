"""Path to yes and force generation: what would turn a verdict into a yes, and who would join on which terms.

Pure: no HTTP, database or terminal. `paths_to_yes` for one doctrine, `force_generation` for every doctrine
and `design_mandate` for the Council's choices.
"""

from missiongate.paths.path import YES, Blocker, Change, Path, PathsResult, paths_to_yes

__all__ = ["YES", "Blocker", "Change", "Path", "PathsResult", "paths_to_yes"]
