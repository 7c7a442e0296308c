"""The labelled sentence set and its evaluation: claim detection per (item, country), stance, speaker
and mission accuracy on the detected claims, and the rebuttal decision against each item's recorded
position (rebuttal precision: of the items given a draft, the share that truly contradict the record).
Another annotator's labels of a split can be scored the same way, as if they were the extractor's output
(`evaluate_coder`), to measure how far two annotators agree."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from missiongate.claims.extract import extract_claims
from missiongate.claims.model import Claim
from missiongate.claims.position import Position, Verdict, check_claim, position_from_mapping
from missiongate.errors import MissionGateError
from missiongate.yamlio import YamlDocument, read_yaml

# "test" is the twentieth blind split; the spent ones (test.yaml, test-fresh.yaml, test-fresh2.yaml,
# test-fresh3.yaml to test-fresh19.yaml) were folded into dev once evaluated (see data/claims/README.md)
SPLIT_FILES = {"dev": "dev.yaml", "test": "test-fresh20.yaml"}
SPLITS = tuple(SPLIT_FILES)
_STANCES = {
    "agreed": "agreed",
    "participating": "agreed",
    "considering": "considering",
    "declined": "declined",
}
# Record positions as the annotators write them, in the check's terms ("no decision" is "considering").
_RECORDED = {"participating": "consent_given", "no_decision": "considering"}


@dataclass(frozen=True, slots=True)
class Gold:
    country: str
    stance: str
    speaker: str | None
    mission: str | None


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: str
    claims: tuple[Gold, ...]
    record: Position | None = None  # the recorded position the item is checked against
    rebuttal: bool = False  # the item truly contradicts the record and deserves a rebuttal draft


@dataclass
class Report:
    """Counts and the per-item mistakes behind them."""

    split: str
    items: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    stance_ok: int = 0
    speaker_ok: int = 0
    mission_ok: int = 0
    sentence_tp: int = 0
    sentence_fp: int = 0
    sentence_fn: int = 0
    rebuttal_tp: int = 0
    rebuttal_fp: int = 0
    rebuttal_fn: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def metrics(self) -> dict[str, Any]:
        p, r, f1 = self._f1(self.tp, self.fp, self.fn)
        sp, sr, sf1 = self._f1(self.sentence_tp, self.sentence_fp, self.sentence_fn)
        drafted = self.rebuttal_tp + self.rebuttal_fp
        gold = self.rebuttal_tp + self.rebuttal_fn
        matched = self.tp or 1
        return {
            "split": self.split,
            "items": self.items,
            "claims_gold": self.tp + self.fn,
            "claim_precision": round(p, 4),
            "claim_recall": round(r, 4),
            "claim_f1": round(f1, 4),
            "sentence_f1": round(sf1, 4),
            "sentence_precision": round(sp, 4),
            "sentence_recall": round(sr, 4),
            "stance_accuracy": round(self.stance_ok / matched, 4),
            "speaker_accuracy": round(self.speaker_ok / matched, 4),
            "mission_accuracy": round(self.mission_ok / matched, 4),
            "rebuttals_gold": gold,
            "rebuttals_drafted": drafted,
            "rebuttal_precision": round(self.rebuttal_tp / drafted, 4) if drafted else None,
            "rebuttal_recall": round(self.rebuttal_tp / gold, 4) if gold else None,
        }


def data_dir() -> Path:
    """`data/claims` of the source tree (the labelled set is not shipped inside the package)."""
    return Path(__file__).resolve().parents[3] / "data" / "claims"


def load_split(split: str, directory: Path | None = None) -> list[Item]:
    if split not in SPLITS:
        raise MissionGateError(f"unknown split {split!r}; expected one of {', '.join(SPLITS)}")
    path = (directory or data_dir()) / SPLIT_FILES[split]
    if not path.is_file():
        why = (
            "the blind split is not in this checkout yet" if split == "test" else "run from a source checkout"
        )
        raise MissionGateError(f"labelled set not found ({why})", source=path)
    return load_items(path)


def load_items(path: Path) -> list[Item]:
    """The items of a labelled file: a split, or another annotator's labels of one."""
    doc = read_yaml(path)
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("items"), list):
        raise doc.error("a labelled set is a mapping with a list of `items`")
    default = _record(doc, doc.data.get("record"), ["record"])
    return [_item(doc, raw, index, default) for index, raw in enumerate(doc.data["items"])]


def _item(doc: YamlDocument, raw: Any, index: int, default: Position | None) -> Item:
    where: list[str | int] = ["items", index]
    if not isinstance(raw, dict) or "id" not in raw or not isinstance(raw.get("text"), str):
        raise doc.error("an item is a mapping with an `id` and a `text`", where)
    golds, rebuttal = [], raw.get("rebuttal") is True
    for j, claim in enumerate(raw.get("claims") or []):
        if not isinstance(claim, dict) or claim.get("stance") not in _STANCES:
            raise doc.error(f"stance must be one of {sorted(_STANCES)}", [*where, "claims", j])
        golds.append(
            Gold(
                str(claim.get("country")),
                _STANCES[claim["stance"]],
                claim.get("speaker"),
                claim.get("mission"),
            )
        )
        rebuttal |= claim.get("rebuttal") is True
    record = _record(doc, raw["record"], [*where, "record"]) if "record" in raw else default
    return Item(str(raw["id"]), raw["text"], tuple(golds), record, rebuttal)


def _record(doc: YamlDocument, raw: Any, where: list[str | int]) -> Position | None:
    """`{country, mission, position}` (or `stance`): the recorded position an item is checked against."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise doc.error("a record is a mapping {country, mission, position}", where)
    stance = str(raw.get("position", raw.get("stance")))
    data = {
        "country": raw.get("country"),
        "mission": raw.get("mission"),
        "stance": _RECORDED.get(stance, stance),
    }
    return position_from_mapping(data, doc, where)


def evaluate(items: list[Item], split: str = "") -> Report:
    report = Report(split, items=len(items))
    for item in items:
        found = extract_claims(item.text)
        predicted = [Gold(c.country, c.stance, c.speaker, c.mission) for c in found]
        _score_item(report, item, predicted, drafts_rebuttal(found, item.record))
    return report


def evaluate_coder(items: list[Item], coded: list[Item], split: str = "") -> Report:
    """Score another annotator's labels of some of the split's items as if they were the extractor's
    output: its claims are the extracted ones and its `rebuttal: true` is a drafted rebuttal. Only the items
    the coder labelled are scored (`Report.items` counts them): a coder may have labelled one batch of dev."""
    by_id = _same_items(items, coded)
    scored = [item for item in items if item.id in by_id]
    report = Report(split, items=len(scored))
    for item in scored:
        other = by_id[item.id]
        _score_item(report, item, list(other.claims), other.rebuttal)
    return report


def _same_items(items: list[Item], coded: list[Item]) -> dict[str, Item]:
    """The coder's items by id; each must be an item of the split, with the same text."""
    if not coded:
        raise MissionGateError("the coder's file has no items")
    by_id = {item.id: item for item in coded}
    ids = {item.id for item in items}
    problems = (
        ("repeats {} item(s)", [item.id for item in coded if by_id[item.id] is not item]),
        ("has {} item(s) not in the split", sorted(by_id.keys() - ids)),
        (
            "changes the text of {} item(s)",
            [i.id for i in items if i.id in by_id and by_id[i.id].text != i.text],
        ),
    )
    for what, wrong in problems:
        if wrong:
            raise MissionGateError(f"the coder's file {what.format(len(wrong))} (first: {wrong[0]})")
    return by_id


def _score_item(report: Report, item: Item, predicted: list[Gold], drafted: bool) -> None:
    """Count one item: the first predicted claim per country against the gold one, and the draft decision."""
    first: dict[str, Gold] = {}
    for one in predicted:
        first.setdefault(one.country, one)
    gold = {g.country: g for g in item.claims}
    _score_sentence(report, bool(first), bool(gold))
    for country, g in gold.items():
        claim = first.get(country)
        if claim is None:
            report.fn += 1
            report.errors.append(f"{item.id} MISSED {country} {g.stance}: {item.text}")
            continue
        report.tp += 1
        report.stance_ok += claim.stance == g.stance
        report.speaker_ok += same_speaker(claim.speaker, g.speaker)
        report.mission_ok += claim.mission == g.mission
        if claim.stance != g.stance:
            report.errors.append(f"{item.id} STANCE {country} {claim.stance} != {g.stance}: {item.text}")
    for country in first.keys() - gold.keys():
        report.fp += 1
        report.errors.append(f"{item.id} SPURIOUS {country} {first[country].stance}: {item.text}")
    _score_rebuttal(report, item, drafted)


def drafts_rebuttal(claims: list[Claim], record: Position | None) -> bool:
    """Would the monitor draft a rebuttal for this text: does any claim contradict the record?"""
    return record is not None and any(check_claim(c, record).verdict is Verdict.CONTRADICTS for c in claims)


def _score_rebuttal(report: Report, item: Item, drafted: bool) -> None:
    report.rebuttal_tp += drafted and item.rebuttal
    report.rebuttal_fp += drafted and not item.rebuttal
    report.rebuttal_fn += item.rebuttal and not drafted
    if drafted != item.rebuttal:
        what = "REBUTTAL DRAFTED" if drafted else "REBUTTAL MISSED"
        report.errors.append(f"{item.id} {what} against {item.record and item.record.stance}: {item.text}")


def _score_sentence(report: Report, predicted: bool, gold: bool) -> None:
    report.sentence_tp += predicted and gold
    report.sentence_fp += predicted and not gold
    report.sentence_fn += gold and not predicted


def _content_words(text: str) -> set[str]:
    return set(re.findall(r"[\w’']+", text.lower())) - {"the", "a", "an", "of", "'s"}


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Lenient: both absent, or one contains the other's content words ("the envoy" ~ "envoy")."""
    if not predicted or not gold:
        return not predicted and not gold
    p, g = _content_words(predicted), _content_words(gold)
    return bool(p) and bool(g) and (p <= g or g <= p)
