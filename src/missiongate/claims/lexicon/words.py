"""Shared fragments of the claims lexicon: participation nouns and verbs, negation, modals, exits,
a country's forces as a subject, passive pledges."""

from __future__ import annotations

import re

IGNORE_CASE = re.IGNORECASE

PART_NOUN = (
    r"(?:troops?|soldiers?|forces?|servicemen|service ?members|personnel|peacekeepers?|police(?: officers)?"
    r"|police trainers|gendarmes|carabinieri|officers|contingents?|battalions?|brigades?|compan(?:y|ies)"
    r"|platoons?|units?|engineers?|medics?|medical (?:team|unit|staff)s?|field hospitals?|hospital"
    r"|frigates?|warships?|ships?|vessels?|aircraft|jets|helicopters|boots on the ground|men and women"
    r"|military police|trainers|advisers|advisors|instructors|experts|members|Self-Defen[cs]e Forces|sappers"
    r"|(?:a|any) (?:military |combat |security |peacekeeping )?role|servicemen|manpower|a presence"
    r"|blue helmets|marines|sailors|airmen|paratroopers|deminers|logisticians|military observers"
    r"|detachments?|squadrons?|corvettes?|destroyers?|task group|advance (?:party|parties|teams?|elements?)"
    r"|(?:first|second|third|advance|initial|further) (?:group|wave|batch)|battle ?groups?|rotations?"
    r"|minesweepers?|minehunters?|submarines?|patrol (?:boats?|vessels?)|monitors|planners|observers)"
)
# kept at home, out or away: an exit, not a presence
KEEP = r"keep(?:s|ing)?(?!\s+(?:\w+\s+){0,3}?(?:(?:at\s+)?home|out|away)\b)"
PART_VERB = (
    r"(?:send(?:ing)?|deploy(?:ing)?|dispatch(?:ing)?|contribut(?:e|ing)|provid(?:e|ing)|(?:re)?join(?:ing)?"
    r"|take part|taking part|take no part|tak(?:e|ing) over (?:the|command|responsibility|leadership)"
    r"|form part|forming part"
    r"|participat(?:e|ing)|lead(?:ing)?|commit(?:ting)?"
    r"|supply(?:ing)?(?! (?:base|hub|route|line|chain|depot)s?\b)|serve(?! as\b)|serving(?! as\b)"
    r"|put(?:ting)?|plac(?:e|ing)|"
    + KEEP
    + r"|station(?:ing)?|field(?:ing)?|go|be part|become part|return(?:ing)?"
    r"|expand(?:ing)?|increas(?:e|ing)|add(?:ing)?|remain|stay(?! out)|arrive|become the (?:\w+ )?contributor"
    r"|renew(?:ing)?|extend(?:ing)?|rotat(?:e|ing)|assign(?:ing)?"
    r"|be (?:sent|deployed|dispatched|stationed|part|provided|supplied|contributed|committed)|train"
    r"|be (?:drawn|dragged) into|(?:be|get) involved)"
)
GAP = r"(?:[\w,'’-]+\s+){0,3}?"  # a few words between a verb and its object
NEG = r"(?:not\s+|never\s+|n't\s+|no longer\s+)?"
MODAL = (
    r"(?:will|would|shall|'ll|wo|is to|are to|was to|were to|(?:is|are|was|were) going to|plans? to"
    r"|planning to|intends? to|(?:is|are|was|were) set to|about to|ready to|prepared to"
    r"|willing to|keen to|eager to|determined to|stands? ready to|stood ready to"
    r"|(?:would be|is|are|was|were) (?:honou?red|happy|glad|proud) to"
    r"|(?:has|have|had) decided to|decided to|(?:has |have |had )?resolved to|resolves to"
    r"|is sending|are sending|is deploying|are deploying"
    r"|(?:is|are|was|were) (?:due|slated|scheduled) to)"
)
MAYBE = r"(?:may|might|could|can)"
# what a country withdraws when it is not withdrawing from an operation: "withdrew its objection"
NOT_TROOPS = (
    r"(?:(?:its|their|his|her|the|an?)\s+)?(?:\w+\s+)?(?:objections?|veto|reservations?|complaint|request"
    r"|candidacy|ambassador|envoy|support|opposition|bid|resolution|draft|proposal|name)\b"
)

EXIT_VERB = (
    r"(?:withdr(?:aw(?:al|ing|n|s)?|ew)|pull(?:ed|ing|s)? (?:\w+ ){0,4}out"
    r"|recall(?:s|ed|ing)?(?= (?:its|their|the|all|peacekeepers|troops|soldiers|forces|contingents?))"
    r"|go(?:ing)? anywhere|hand(?:s|ed|ing)? over (?:its|their) (?:bases|positions|camps|sector)"
    r"|(?:leav(?:e|es|ing)|left)(?= (?:the )?(?:(?-i:[A-Z]{2,}) )?(?:(?-i:[A-Z]{3,})|mission|force|operation"
    r"|coalition)\b)"
    r"|(?:go(?:es|ing)?|went|brought|bring(?:ing)?|fl(?:y|ies|ew|own|ying)|come|comes|coming|came"
    r"|be|return(?:s|ed|ing)?) (?:\w+ ){0,2}home"
    r"|(?:keep(?:s|ing)?|kept) (?:its|their|the) (?:\w+ ){0,2}?(?:ships|troops|soldiers|forces|units|navy"
    r"|frigates?) (?:at )?home"
    r"|(?:froze|frozen|freez(?:e|es|ing)|suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?)"
    r"(?= (?:its|their|the) (?:\w+ )?(?:deployment|participation|contribution|troops|contingent))"
    r"|(?:end(?:s|ed|ing)?|wind(?:s|ing)? down|wound down|terminat(?:e|es|ed|ing)|conclud(?:e|es|ed|ing))"
    r"(?= (?:its|their) (?:\w+ )?(?:deployment|participation|contribution|presence|involvement|mission)\b))"
)
# A country's forces as the subject ("Indonesian peacekeepers", "Rwanda's contingent in Bangui", "a battalion
# from Nepal", "Peacekeepers from Mongolia, Nepal and Ghana") and what they do: go, stay, serve, leave.
_NP_WORD = (
    r"\s+(?!(?:until|unless|that|which|who|when|while|after|before|because|if|but|can|could|will|would|may"
    r"|might|must|has|have|had|is|are|was|were|said|says|(?-i:and\s+[a-z]))\b)[\w'’-]+,?"
)
FORCE_NP = (
    r"\b(?:" + PART_NOUN + r"|navy|naval forces|air force)(?:\s+(?:from|of|in|on|at|with|for|to|already"
    r"|currently|still|now|serving|deployed|stationed|based|earmarked for|bound for|destined for|assigned to"
    r"|headed for)\b(?:" + _NP_WORD + r"){0,5}?)?"
    r"(?:,\s+(?:about|some|around|nearly|more than|over)\s+[\d,]+\s+strong,)?"
)
FORCE_AUX = (
    r"(?:(?:will|would|shall|'ll|are|is|am|were|was|have|has|had|be|been|being|to|set to|due to|about to"
    r"|going to|ready to|already|also|soon|now|still|then|not|yet|never|no longer|continue to|continues to"
    r"|continued to|begun|began|started|starting|beginning|begin|start|due to|slated to"
    r"|scheduled to)\s+){0,5}"
)
FORCE_VERB = (
    r"(?:go(?:es|ing)?|went|head(?:s|ed|ing)? (?:back )?(?:to|for|into)"
    r"|(?:leav(?:e|es|ing)|left) (?:[\w-]+ )?for"
    r"|travel(?:s|led|ling|ed|ing)?|return(?:s|ed|ing)?(?! home)|fly|flew|flown|sail(?:s|ed|ing)?"
    r"|deploy(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|land(?:s|ed|ing)?|touch(?:es|ed)? down|reach(?:es|ed)?"
    r"|sent(?! home| back)|dispatched|flown (?:in|out|to|into)|shipped(?! home)|redeployed"
    r"|remain(?:s|ed|ing)?|stay(?:s|ed|ing)?(?! out)|serv(?:e|es|ed|ing)|patrol(?:s|led|ling)?"
    r"|reinforc(?:e|es|ed|ing)|join(?:s|ed|ing)?|form(?:s|ed|ing)?|make up|made up|tak(?:e|es|ing) (?:over"
    r"|charge|command|part)|took (?:over|charge|command|part)|lead(?:s|ing)?|led"
    r"|(?:be|been|being) (?:part|sent|deployed|dispatched|redeployed|readied|prepared|assigned|earmarked"
    r"|stationed|based|posted|reinforced|rotated|increased|doubled|used|employed|involved|engaged)"
    r"|set foot|bound for|ready(?! to)|on standby|train(?:s|ed|ing)? for"
    # round 12: rotations departing ("departed for Juba", "set off for the mission", "began their first
    # rotation in Baltic air policing")
    r"|(?:depart(?:s|ed|ing)?|set(?:s|ting)? (?:off|out)|embark(?:s|ed|ing)?) for"
    r"|(?:began|begun|begin|begins|start(?:s|ed)?) (?:their|its|a|the) (?:[\w-]+ )?(?:rotation|tour))\b"
)
# what a country's forces will do, whatever the verb: "will clear mines", "would carry on with their work"
FORCE_FUTURE = (
    r"(?:will|would|shall|'ll|(?:is|are) (?:set|due|slated|scheduled) to)\s+"
    r"(?:(?:not|never|also|soon|now|then"
    # exits and replacements are force-exit
    r"|continue to|be)\s+)*(?!be\b|have\b|not\b|withdr|pull|leav|left|recall|replac|repatri)[a-z]{3,}\b"
)
EXIT_AFTER = re.compile(r"\s*(?:to\s+)?" + EXIT_VERB, IGNORE_CASE)

# passive pledges: "a contingent has been pledged by Chad", "jets were promised for the mission"
PASSIVE_PLEDGE = (
    r"\b(?:(?:has|have|had)\s+been|(?:was|were))\s+(?:formally\s+)?(?:pledged|promised|offered|committed"
    r"|earmarked)(?=\s+(?:by|for|to)\b)"
)
