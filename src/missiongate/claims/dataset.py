"""The labelled sentence set and its evaluation: claim detection per (item, country), stance, speaker
and mission accuracy on the detected claims."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from missiongate.claims.extract import extract_claims
from missiongate.claims.model import Claim
from missiongate.errors import MissionGateError
from missiongate.yamlio import read_yaml

SPLITS = ("dev", "test")
_STANCES = {"agreed", "considering", "declined"}


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
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def metrics(self) -> dict[str, Any]:
        p, r, f1 = self._f1(self.tp, self.fp, self.fn)
        sp, sr, sf1 = self._f1(self.sentence_tp, self.sentence_fp, self.sentence_fn)
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
        }


def data_dir() -> Path:
    """`data/claims` of the source tree (the labelled set is not shipped inside the package)."""
    return Path(__file__).resolve().parents[3] / "data" / "claims"


def load_split(split: str, directory: Path | None = None) -> list[Item]:
    if split not in SPLITS:
        raise MissionGateError(f"unknown split {split!r}; expected one of {', '.join(SPLITS)}")
    path = (directory or data_dir()) / f"{split}.yaml"
    if not path.is_file():
        raise MissionGateError("labelled set not found (run from a source checkout)", source=path)
    doc = read_yaml(path)
    items = []
    for index, raw in enumerate(doc.data.get("items", [])):
        golds = []
        for j, claim in enumerate(raw.get("claims") or []):
            if claim.get("stance") not in _STANCES:
                raise doc.error(f"stance must be one of {sorted(_STANCES)}", ["items", index, "claims", j])
            golds.append(Gold(claim["country"], claim["stance"], claim.get("speaker"), claim.get("mission")))
        items.append(Item(str(raw["id"]), str(raw["text"]), tuple(golds)))
    return items


def evaluate(items: list[Item], split: str = "") -> Report:
    report = Report(split, items=len(items))
    for item in items:
        predicted: dict[str, Claim] = {}
        for found in extract_claims(item.text):
            predicted.setdefault(found.country, found)
        gold = {g.country: g for g in item.claims}
        _score_sentence(report, bool(predicted), bool(gold))
        for country, g in gold.items():
            claim: Claim | None = predicted.get(country)
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
        for country in predicted.keys() - gold.keys():
            report.fp += 1
            report.errors.append(f"{item.id} SPURIOUS {country} {predicted[country].stance}: {item.text}")
    return report


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
