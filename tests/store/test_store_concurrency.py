"""20 editors of one case at once: every accepted write is kept, every other one is a conflict."""

from __future__ import annotations

import threading
from collections import Counter

from missiongate.errors import ConflictError
from missiongate.store import audit, cases
from missiongate.store.accounts import Actor
from missiongate.store.db import Database

EDITORS, ROUNDS = 20, 5


def test_concurrent_editors_lose_nothing(database: Database, analyst: Actor) -> None:
    with database.write() as session:
        case_id = cases.create_case(session, analyst, cases.CaseInput(title="ISF")).id
    accepted: list[tuple[int, int]] = []  # (editor, round) whose write went through
    rejected: Counter[int] = Counter()
    start = threading.Barrier(EDITORS)

    def edit(editor: int) -> None:
        start.wait()
        for round_ in range(ROUNDS):
            with database.read() as session:
                version = cases.get_case(session, analyst, case_id).version
            try:
                with database.write() as session:
                    cases.set_facts(
                        session, analyst, case_id, version, {"contingent.size": editor * 100 + round_}
                    )
                accepted.append((editor, round_))
            except ConflictError:
                rejected[editor] += 1

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(EDITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(accepted) + rejected.total() == EDITORS * ROUNDS
    assert accepted, "some writes must succeed"
    with database.read() as session:
        case = cases.get_case(session, analyst, case_id)
        history = [
            r.record["value"] for r in cases.fact_history(session, case, "contingent.size") if r.record
        ]
        report = audit.verify(session)
    assert sorted(history) == sorted(editor * 100 + round_ for editor, round_ in accepted)
    assert case.version == 1 + len(accepted)
    assert report.ok, report.problems
