"""Word patterns the extractor is built from. Kept apart from the logic so they can be read and extended
without touching the control flow. All patterns are case-insensitive unless noted."""

from __future__ import annotations

import re

from missiongate.claims.model import Stance

_I = re.IGNORECASE

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
    r"|minesweepers?|minehunters?|submarines?|patrol (?:boats?|vessels?))"
)
_KEEP = r"keep(?:s|ing)?(?!\s+(?:its|their|the)\s+(?:\w+\s+){0,3}?(?:at\s+)?home\b)"  # kept at home: an exit
PART_VERB = (
    r"(?:send(?:ing)?|deploy(?:ing)?|dispatch(?:ing)?|contribut(?:e|ing)|provid(?:e|ing)|(?:re)?join(?:ing)?"
    r"|take part|taking part|take no part|tak(?:e|ing) over (?:the|command|responsibility|leadership)"
    r"|participat(?:e|ing)|lead(?:ing)?|commit(?:ting)?"
    r"|supply(?:ing)?|serve|serving"
    r"|put(?:ting)?|" + _KEEP + r"|station(?:ing)?|field(?:ing)?|go|be part|become part|return(?:ing)?"
    r"|expand(?:ing)?|increas(?:e|ing)|add(?:ing)?|remain|stay(?! out)|arrive|become the (?:\w+ )?contributor"
    r"|be (?:sent|deployed|dispatched|stationed|part|provided|supplied|contributed|committed)|train"
    r"|be (?:drawn|dragged) into|(?:be|get) involved)"
)
_GAP = r"(?:[\w,'’-]+\s+){0,3}?"  # a few words between a verb and its object
_NEG = r"(?:not\s+|never\s+|n't\s+|no longer\s+)?"
_MODAL = (
    r"(?:will|would|shall|'ll|wo|is to|are to|was to|were to|(?:is|are|was|were) going to|plans? to"
    r"|planning to|intends? to|(?:is|are|was|were) set to|about to|ready to|prepared to"
    r"|willing to|keen to|eager to|determined to|stands? ready to|stood ready to"
    r"|(?:would be|is|are|was|were) (?:honou?red|happy|glad|proud) to"
    r"|(?:has|have|had) decided to|decided to|is sending|are sending|is deploying|are deploying"
    r"|(?:is|are|was|were) (?:due|slated|scheduled) to)"
)
_MAYBE = r"(?:may|might|could|can)"
# what a country withdraws when it is not withdrawing from an operation: "withdrew its objection"
_NOT_TROOPS = (
    r"(?:(?:its|their|his|her|the|an?)\s+)?(?:\w+\s+)?(?:objections?|veto|reservations?|complaint|request"
    r"|candidacy|ambassador|envoy|support|opposition|bid|resolution|draft|proposal|name)\b"
)

_EXIT = (
    r"(?:withdr(?:aw(?:al|ing|n|s)?|ew)|pull(?:ed|ing|s)? (?:\w+ ){0,2}out"
    r"|recall(?:s|ed|ing)?(?= (?:its|their|the|all|peacekeepers|troops|soldiers|forces|contingents?))"
    r"|go(?:ing)? anywhere"
    r"|(?:leav(?:e|es|ing)|left)(?= (?:the )?(?:[A-Z]{3,}|mission|force|operation|coalition)\b)"
    r"|(?:go(?:es|ing)?|went|brought|bring(?:ing)?) (?:\w+ ){0,2}home"
    r"|(?:keep(?:s|ing)?|kept) (?:its|their|the) (?:\w+ ){0,2}?(?:ships|troops|soldiers|forces|units|navy"
    r"|frigates?) (?:at )?home"
    r"|(?:froze|frozen|freez(?:e|es|ing)|suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?)"
    r"(?= (?:its|their|the) (?:\w+ )?(?:deployment|participation|contribution|troops|contingent)))"
)
# A country's forces as the subject ("Indonesian peacekeepers", "Rwanda's contingent in Bangui", "a battalion
# from Nepal", "Peacekeepers from Mongolia, Nepal and Ghana") and what they do: go, stay, serve, leave.
_NP_WORD = (
    r"\s+(?!(?:until|unless|that|which|who|when|while|after|before|because|if|but|can|could|will|would|may"
    r"|might|must|has|have|had|is|are|was|were|said|says|(?-i:and\s+[a-z]))\b)[\w'’-]+,?"
)
_FORCE_NP = (
    r"\b(?:" + PART_NOUN + r"|navy|naval forces|air force)(?:\s+(?:from|of|in|on|at|with|for|to|already"
    r"|currently|still|now|serving|deployed|stationed|based|earmarked for|bound for|destined for|assigned to"
    r"|headed for)\b(?:" + _NP_WORD + r"){0,5}?)?"
    r"(?:,\s+(?:about|some|around|nearly|more than|over)\s+[\d,]+\s+strong,)?"
)
_FORCE_AUX = (
    r"(?:(?:will|would|shall|'ll|are|is|am|were|was|have|has|had|be|been|being|to|set to|due to|about to"
    r"|going to|ready to|already|also|soon|now|still|then|not|yet|never|no longer|continue to|continues to"
    r"|continued to|begun|began|started|starting|beginning|begin|start|due to|slated to"
    r"|scheduled to)\s+){0,5}"
)
_FORCE_VERB = (
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
    r"|set foot|bound for|ready(?! to)|on standby|train(?:s|ed|ing)? for)\b"
)
# what a country's forces will do, whatever the verb: "will clear mines", "would carry on with their work"
_FORCE_FUTURE = (
    r"(?:will|would|shall|'ll|(?:is|are) (?:set|due|slated|scheduled) to)\s+"
    r"(?:(?:not|never|also|soon|now|then"
    r"|continue to|be)\s+)*(?!be\b|have\b|not\b|withdr|pull|leav|left|recall)[a-z]{3,}\b"  # exits: force-exit
)
EXIT_AFTER = re.compile(r"\s*(?:to\s+)?" + _EXIT, _I)

# passive pledges: "a contingent has been pledged by Chad", "jets were promised for the mission"
PASSIVE_PLEDGE = (
    r"\b(?:(?:has|have|had)\s+been|(?:was|were))\s+(?:formally\s+)?(?:pledged|promised|offered|committed"
    r"|earmarked)(?=\s+(?:by|for|to)\b)"
)
# (pattern, stance, kind). kind "nominal" needs a country attached to the noun; "bare" cues carry no
# participation word themselves and need one elsewhere in the sentence (or document); so do all kinds
# but those in CONTEXT_FREE.
_CUE_PATTERNS: tuple[tuple[str, Stance, str], ...] = (
    # agreed
    (
        r"\b(?:agree[sd]?|agreeing|consent(?:s|ed)?|pledg(?:e|es|ed|ing)|commit(?:s|ted)?"
        r"|promis(?:e|es|ed)"
        r"|vow(?:s|ed)?|volunteer(?:s|ed)?|offer(?:s|ed)?|undert(?:ook|akes))"
        r"\s+(?:in principle\s+|formally\s+|tentatively\s+|privately\s+|quietly\s+)?to\s+" + _GAP + PART_VERB,
        Stance.AGREED,
        "verb",
    ),
    (
        r"\b(?:agree[sd]?|consent(?:s|ed)?) to (?:anything|it|this|that|the request|a request"
        r"|(?:an|the) invitation|participate"
        r"|(?:any|a) (?:\w+ )?role)\b",
        Stance.AGREED,
        "verb",
    ),
    (  # "Japan joins Red Sea mission", "Italy has joined the Aspides operation", "Greece leads Aspides"
        r"\b(?<![-‐])(?:join(?:s|ed|ing)?|takes? part|took part|taking part|participat(?:es|ed|ing)"
        r"|lead(?:s|ing)?|led)"
        r"\s+(?:in\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?(?:mission|force|operation|coalition"
        r"|peacekeeping|(?-i:UNIFIL|UNDOF|UNMISS|MINUSCA|MONUSCO|AUSSOM|UNFICYP|KFOR|ISF|GSF|Aspides|EUFOR"
        r"|UNISFA|MINURSO|UNMIK))\b",
        Stance.AGREED,
        "verb",
    ),
    (  # "remains committed to the African Union mission"
        r"\bcommitted to (?:the |a |an |its |their )?(?:[\w'’-]+\s+){0,5}?"
        r"(?:mission|force|operation|coalition"
        r"|(?-i:[A-Z]{4,}))\b",
        Stance.AGREED,
        "verb",
    ),
    (
        r"\b(?:pledg(?:e|es|ed|ing)|commit(?:s|ted|ting)?|offer(?:s|ed|ing)?|promis(?:e|es|ed)"
        r"|earmark(?:s|ed)?"
        r"|provid(?:e|es|ed)|contribut(?:e|es|ed)|sen[dt]s?|deploy(?:s|ed)?|dispatch(?:es|ed)?"
        r"|ha[sd] readied|readying|readies|assign(?:s|ed|ing)?|prepar(?:es|ed|ing)|station(?:s|ed|ing)?"
        r"|kept|lent|mov(?:es|ed|ing)|transfer(?:s|red|ring)|airlift(?:s|ed|ing)"
        r"|" + _KEEP + r"|maintain(?:s|ed|ing)?|put(?:ting)?(?= boots)"
        r"|rotat(?:e|es|ed|ing)|approv(?:es|ed)|spare|replac(?:e|es|ed|ing))"
        r"\s+" + _GAP + PART_NOUN + r"\b",
        Stance.AGREED,
        "verb",
    ),
    (r"\b" + _MODAL + r"\s+" + _NEG + _GAP + PART_VERB + r"\b", Stance.AGREED, "verb"),
    (r"\b(?:is|are)\s+(?:not\s+)?(?:sending|deploying|dispatching|contributing)\b", Stance.AGREED, "verb"),
    # under way: "troops are already on their way", "have started deploying", "soldiers arrived"
    (
        r"\b(?:start(?:s|ed|ing)?|beg(?:an|un|ins?|inning)|commenc(?:e|es|ed|ing))\s+(?:to\s+)?(?:deploy"
        r"|arriv|send|dispatch|mov(?:e|ing) (?:troops|soldiers|units|forces|personnel)"
        r"|fly(?:ing)? (?:in|troops))\w*",
        Stance.AGREED,
        "verb",
    ),
    (r"\b(?:already\s+)?(?:on (?:their|its|the) way|en route|under ?way)\b", Stance.AGREED, "bare"),
    (
        r"\b"
        + PART_NOUN
        + r"\s+(?:[\w-]+\s+){0,3}?(?:(?:have|has|had)\s+)?(?:already\s+)?(?:arrived|landed)\b",
        Stance.AGREED,
        "arrival",
    ),
    (
        r"\b(?:has|have|had) (?:formally )?accepted"
        r"(?=\s*(?:[,;.]|$|\s+(?:the|a|an|this) (?:\w+ )?(?:request|invitation)))"
        r"|\b(?:on board|signed (?:on|up))\b|\b(?:is|are) in(?=\s*[.!]?\s*$)",
        Stance.AGREED,
        "bare",
    ),
    (r"\b(?:is|are|will be|would be)\s+(?:not\s+|no longer\s+)?(?:a\s+)?part of\b", Stance.AGREED, "bare"),
    (  # present participation: "has 300 soldiers serving with UNIFIL", "troops are already deployed in"
        r"\b(?:(?:has|have)\s+(?:about\s+|some\s+|around\s+|nearly\s+|more than\s+|over\s+)?"
        r"[\d,]+\s+(?:\w+\s+)?"
        + PART_NOUN
        + r"|"
        + PART_NOUN
        + r"\s+(?:are|is)\s+(?:already\s+|currently\s+|now\s+)?)\s*(?:serving|deployed|stationed)\b",
        Stance.AGREED,
        "arrival",
    ),
    (
        r"\b(?:give|gave|given|giving)\s+(?:its|their|our|his|her|the)\s+(?:word|consent|approval"
        r"|green light)",
        Stance.AGREED,
        "bare",
    ),
    (r"\bgreen[- ]light(?:ed|s)?\b", Stance.AGREED, "bare"),
    (  # a government or parliament approves: "endorsed the army's proposal to send", "backs sending"
        r"\b(?:approv(?:e|es|ed|ing)|authori[sz](?:e|es|ed|ing)|endors(?:e|es|ed|ing)"
        r"|back(?:s|ed|ing)?(?! out)"
        r"|ratif(?:y|ies|ied|ying)|rubber-stamp(?:s|ed)?|sign(?:s|ed)? off on|gave the go-ahead (?:to|for))"
        r"\s+(?:[\w'’-]+\s+){0,4}?(?:deployment|sending|dispatch|participation|contribution|extension"
        r"|(?:proposal|plans?) to (?:send|deploy|contribute)|(?-i:[a-z][\w-]*\s+)?" + PART_NOUN + r"\b)",
        Stance.AGREED,
        "approval",
    ),
    (r"\bvoted (?:for|in favou?r of) (?:sending|deploying|the deployment)", Stance.AGREED, "verb"),
    (
        r"\bconfirm(?:ed|s|ing)?\s+(?:its|their|the country's|his country's|her country's"
        r"|our)\s+participation",
        Stance.AGREED,
        "verb",
    ),
    (
        r"\b(?:largest|biggest|first|main|lead|latest|new|major) (?:troop )?contributors?\b",
        Stance.AGREED,
        "bare",
    ),
    (r"\bdecision in principle\b", Stance.AGREED, "bare"),
    (r"\bcomplet(?:ed|es|ing) (?:the |its |their )?(?:\w+ )?deployment\b", Stance.AGREED, "verb"),
    (  # "only Indonesia has given a firm yes; Egypt and Jordan have said no"
        r"\b(?:said|says|say|given|gave|give|giving) (?:a |an )?(?:firm |clear |formal )?yes\b",
        Stance.AGREED,
        "bare",
    ),
    (
        r"\b(?:said|says|say|given|gave|give)\s+(?:a\s+)?(?:firm\s+|clear\s+)?no\b(?=\s*(?:[,.;]|and\b|$))",
        Stance.DECLINED,
        "bare",
    ),
    (
        r"\b(?:participation|contributions?|offers?|pledges?|commitments?|involvement|consent|deployments?"
        r"|arrival)\b",
        Stance.AGREED,
        "nominal",
    ),
    # considering
    (
        r"\b(?:(?:re)?consider(?:s|ing|ed)?|weigh(?:s|ing|ed)?|study(?:ing)?|studies|studied|review(?:s|ing|ed)?"
        r"|examin(?:e|es|ing|ed)|mull(?:s|ing|ed)?|ponder(?:s|ing|ed)?|eye(?:s|ing|d)?|evaluat(?:e|es|ing|ed)|assess(?:es|ing|ed)?|explor(?:e|es|ing|ed)"
        r"|look(?:s|ing)? (?:carefully |closely )?(?:at|into)|think(?:s|ing)? (?:about|of))\s+"
        + _GAP
        + r"(?:request|inquir(?:y|ies)|invitation|proposal|possibility"
        r"|option|contributions?|participation|commitments?|involvement|deployment|sending|deploying|joining"
        r"|details?|terms|mandate"
        r"|contributing|taking part|whether"
        r"|risks|a (?:\w+ )?role|it|" + PART_NOUN + r")\b",
        Stance.CONSIDERING,
        "verb",
    ),
    (r"\b(?:would|will) consider\b", Stance.CONSIDERING, "verb"),
    # predictions by others: "is expected to join" says nothing decided
    (
        r"\b(?:expected|likely|unlikely|poised|tipped|anticipated|predicted|forecast|projected)\s+to\s+"
        + _GAP
        + PART_VERB
        + r"\b",
        Stance.CONSIDERING,
        "predicted",
    ),
    (
        r"\b(?:not yet|yet to|not|will|would)\s+"
        r"(?:(?:decide[ds]?|made a decision|taken a decision)\s+(?:on|about)"
        r"|(?:responded|replied|respond|reply)\s+to|answered|answer)\s+(?:the|a|an|its|their|this|that|such)\s+"
        r"(?:\w+\s+)?(?:request|inquiry|invitation|proposal)\b",
        Stance.CONSIDERING,
        "undecided-request",
    ),
    (
        r"\b(?:receiv(?:e|ed|es|ing)|got)\s+(?:\w+\s+){0,2}?(?:requests?|inquir(?:y|ies)|enquir(?:y|ies)"
        r"|invitations?|letters?|soundings?|notes? verbales?|quer(?:y|ies)"
        r"|approach)"
        r"|\b(?:requests?|inquir(?:y|ies)|invitations?)\b[^,;]{0,40}?\b(?:has|have|had) been received",
        Stance.CONSIDERING,
        "received",
    ),
    (
        r"\b(?:been|was|were|being|be)\s+(?:formally |officially |also |already )?(?:asked"
        r"|approached|invited"
        r"|contacted|sounded out)\b",
        Stance.CONSIDERING,
        "asked",
    ),
    (
        r"\bno (?:final |formal )?decision\b|\b(?:not|yet to|has yet to"
        r"|have yet to)\s+(?:yet\s+)?(?:decided?"
        r"|made (?:a|any) decision|taken (?:a|any) decision)\b|\bundecided\b|\b(?:has|have|had|is"
        r"|are) yet to"
        r" (?:respond|answer|reply|decide|commit|make|vote|approve|confirm|announce)\b"
        r"|\bnothing has been decided\b|\btoo (?:early|soon) to\b"
        r"|\b(?:will|would) (?:take|make) (?:a|the|its|any) (?:final )?decision\b"
        r"|\bpremature\b|\bopen to\b|\bleaning (?:towards?|toward)\b"
        r"|\bin (?:talks|consultations?|discussions)\b"
        r"|\b(?:will"
        r"|would) decide\b"
        r"|\b(?:will|would) answer\b|\bnot (?:yet )?responded\b|\btaken no decision\b"
        r"|\bmade no decision\b|\bunder (?:active |careful )?(?:consideration|review|study|discussion)\b"
        r"|\b(?:took|takes|take) no decision\b|\bclose to (?:a|its|their) decision\b"
        r"|\b(?:will|is to|are to|set to|would) (?:debate|discuss|vote on) (?:the |a |an )?(?:\w+ )?"
        r"(?:deployment|request|proposal|sending|contribution|participation)\b"
        r"|\b(?:still|is|are) deciding\b"
        r"|\b(?:deferred|postponed|put off|delayed) (?:a|its|their|the|any) decision\b"
        r"|\bbefore (?:\w+ )?(?:gives?|giving|sends?|sending) (?:\w+ ){0,3}?(?:an? )?"
        r"(?:answer|reply|response)\b"
        r"|\bneed(?:s|ed)? (?:more )?time\b|\b(?:awaiting|waiting for) (?:\w+ ){0,4}?(?:clarity|answers?"
        r"|clarif\w*|details|more information|a reply|replies)\b"
        r"|\b(?:has|have|had) not (?:yet )?been answered\b"
        r"|\b(?:a|the|any) (?:final )?decision (?:on|about)\b"
        r"(?=[^.;]{0,80}\b(?:expected|due|awaited|pending))"
        r"|\bnot (?:yet )?made up (?:its|our|their|his|her|my) minds?\b"
        r"|\b(?:yet to|not yet) (?:take|taken|adopt|adopted|form|formed) a (?:position|stance|view)\b"
        r"|\b(?:consultations|talks|discussions|deliberations) (?:are|were|remain) (?:still )?ongoing\b"
        r"|\bbefore (?:\w+ )?(?:takes?|taking|makes?|making) (?:a|any) (?:final )?decision\b"
        r"|\b(?:expressed|shown|showed|signalled|signaled|indicated) (?:an |its |their |some )?interest in\b"
        r"|\b(?:was|is|were|are) (?:said|described|reported|understood) (?:to be|as) (?:still )?(?:review"
        r"|study|studies|assess|weigh|consider|examin|debat|discuss)\w*",
        Stance.CONSIDERING,
        "undecided",
    ),
    (r"\b" + _MAYBE + r"\s+" + _GAP + PART_VERB + r"\b", Stance.CONSIDERING, "verb"),
    # declined
    (
        r"\b(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing))\s+(?:to\s+"
        + _GAP
        + PART_VERB
        + r"|(?:(?:the|a|an|any)\s+)?"
        r"(?:\w+\s+){0,2}?(?:requests?|invitations?|calls?|participation|role))\b",
        Stance.DECLINED,
        "verb",
    ),
    (
        r"\b(?:reject(?:s|ed|ing)?|turn(?:s|ed)? down)\s+(?:the\s+|a\s+|an\s+|any\s+)?(?:\w+\s+){0,2}?"
        r"(?:request|invitation|calls?|participation|proposal|sending|joining|deploying|deployment|motion"
        r"|bill|plan)\b",
        Stance.DECLINED,
        "verb",
    ),
    (r"\brefus(?:e|es|ed|ing) to (?:withdraw|pull out|leave|recall)\b", Stance.AGREED, "verb"),
    (r"\b(?:rul(?:e|es|ed|ing) out|ruled\s+\w+\s+out|exclud(?:e|es|ed|ing))\b", Stance.DECLINED, "bare"),
    (
        r"\b(?:out of the question|off the table|closed? the door (?:on|to)|no question of"
        r"|dismiss(?:es|ed|ing)? (?:the |any )?(?:idea|possibility|prospect|notion) of)\b",
        Stance.DECLINED,
        "bare",
    ),
    (
        r"\bno (?:intention|plans?|desire|interest|wish)(?: (?:at present|for now|currently|yet))?"
        r" (?:of|to|for|in)\b|\bno such (?:plans?|intention)\b"
        r"|\b(?:decided|decides|chose|ruled|came out|voted)\s+(?:[\w]+\s+){0,3}?against\s+"
        r"(?:sending|deploying"
        r"|joining|taking part|participat\w+|contributing|a contribution|the deployment)\b|\b(?:not"
        r"|never)\s+(?:\w+\s+)?(?:ready"
        r"|prepared|willing|in a position)(?:\s+(?:at\s+)?(?:this|present|the moment|now|currently)"
        r"(?:\s+stage)?)?\s+(?:to|for)\b|\b(?:decided|decides|chose|chooses"
        r"|opted) not to\b"
        r"|\bvoted against\b|\bunwilling to\b|\bno\s+(?:\w+\s+)?" + PART_NOUN + r"\s+to spare\b",
        Stance.DECLINED,
        "bare",
    ),
    # leaving an operation: "will withdraw its troops", "pulled out"; negated or denied it asserts staying
    (r"\b" + _EXIT + r"\b(?!\s+" + _NOT_TROOPS + ")", Stance.DECLINED, "exit"),
    (
        r"\b(?:drop(?:s|ped|ping)?|abandon(?:s|ed|ing)?|scrap(?:s|ped|ping)?|shelve[sd]?|cancel(?:s|led|ed)?)"
        r"\s+(?:its\s+|their\s+|the\s+)?plans?\s+to\b|\bback(?:s|ed|ing)? out\b|\bstay(?:s|ed|ing)? out of\b"
        r"|\brefrain(?:s|ed|ing)? from\b|\bsit(?:s|ting)? out\b|\bsat out\b|\b(?:says?|said) no to\b",
        Stance.DECLINED,
        "bare",
    ),
    # a country's forces and what they do: the predicate is the cue (group "pred"), the force its subject
    (  # "its contingent would leave by June"
        _FORCE_NP + r"\s+(?P<pred>" + _FORCE_AUX + r"(?:" + _EXIT + r"|leav(?:e|es|ing)\b(?! for)"
        r"|left\b(?! for| behind)))\b",
        Stance.DECLINED,
        "force-exit",
    ),
    (
        _FORCE_NP + r"\s+(?P<pred>" + _FORCE_AUX + _FORCE_VERB + "|" + _FORCE_FUTURE + r")",
        Stance.AGREED,
        "force",
    ),
    # present or absent forces: "Kenya and Jamaica have soldiers in Haiti", "there will be no Finnish
    # soldiers in Gaza" (negated by "no"); the preposition is the cue, so the country stands before it
    (
        r"\b(?:(?:has|have)\s+(?:\w+\s+)?|there (?:will|would) be no\s+(?:[\w'’-]+\s+){0,2}?)"
        + PART_NOUN
        + r"\s+(?P<pred>(?:already\s+)?(?:in|on|with)\s+[\w-]+)",
        Stance.AGREED,
        "force",
    ),
    # passive approvals: "the deployment of 400 Rwandan police officers was approved by the cabinet"
    (
        r"\b(?:deployment|dispatch|sending)\s+of\s+(?:[^,;]|(?<=\d),(?=\d{3})){0,60}?\s"
        r"(?P<pred>(?:was|were|has been|have been|had been)\s+(?:\w+\s+)?(?:approved|authori[sz]ed|endorsed"
        r"|ratified|green-?lit))\b",
        Stance.AGREED,
        "approval",
    ),
    (PASSIVE_PLEDGE, Stance.AGREED, "pledged"),
    # headline style: "Kenya to send 600 police officers to Haiti" (needs the country right before)
    (
        r"\bto\s+(?:send|deploy|join|contribute|lead|provide|dispatch|take part|participate)\b",
        Stance.AGREED,
        "headline",
    ),
)

CONTEXT_FREE = frozenset(
    {"verb", "predicted", "undecided-request", "arrival", "force", "force-exit", "approval", "received"}
)
EXIT = frozenset({"exit", "force-exit"})  # leaving: negated or denied, the country stays
UNDECIDED = frozenset({"undecided", "undecided-request"})  # negation and denial leave them undecided
# cues whose country may follow them: "no decision on sending Azerbaijani servicemen", "approved the
# deployment of a Namibian battalion"
RIGHT_SUBJECT = frozenset({"nominal", "approval", "received"}) | UNDECIDED

_EXIT_KEYWORDS = (
    "withdr",
    "pull",
    "recall",
    "leav",
    "left",
    "home",
    "froz",
    "freez",
    "suspend",
    "halt",
    "anywhere",
)
_FORCE_KEYWORDS = (
    "sapper",
    "advance",
    "battle",
    "rotation",
    "mine",
    "submarine",
    "patrol",
    "navy",
    "naval",
    "air force",
    "troop",
    "soldier",
    "forces",
    "personnel",
    "peacekeep",
    "police",
    "gendarme",
    "officers",
    "contingent",
    "battalion",
    "brigade",
    "compan",
    "platoon",
    "unit",
    "engineer",
    "medic",
    "hospital",
    "frigate",
    "ship",
    "vessel",
    "aircraft",
    "helicopter",
    "trainer",
    "instructor",
    "helmet",
    "marines",
    "sailors",
    "deminer",
    "observers",
    "detachment",
    "squadron",
    "task group",
    "servicemen",
    "service",
    "members",
    "advis",
)
# Lower-case words one of which must occur for the cue pattern at the same index to be tried: a cheap
# substring test that skips most of the regex scans (extraction speed).
_CUE_KEYWORDS: tuple[tuple[str, ...], ...] = (
    ("agree", "consent", "pledg", "commit", "promis", "vow", "volunteer", "offer", "undert"),
    ("agree", "consent"),
    ("join", "part", "participat", "lead", "led"),
    ("committed to",),
    (
        "pledg",
        "commit",
        "offer",
        "promis",
        "earmark",
        "mov",
        "transfer",
        "airlift",
        "provid",
        "contribut",
        "send",
        "sent",
        "deploy",
        "dispatch",
        "readied",
        "readying",
        "readies",
        "assign",
        "prepar",
        "station",
        "kept",
        "lent",
        "keep",
        "maintain",
        "boots",
        "rotat",
        "approv",
        "spare",
        "replac",
    ),
    (
        "will",
        "would",
        "shall",
        "'ll",
        "wo",
        " to ",
        "going",
        "plan",
        "intend",
        "set",
        "about",
        "ready",
        "prepared",
        "willing",
        "keen",
        "eager",
        "determined",
        "stand",
        "stood",
        "decided",
        "sending",
        "deploying",
    ),
    ("sending", "deploying", "dispatching", "contributing"),
    ("start", "began", "begun", "begin", "commenc"),
    ("way", "en route", "under"),
    ("arrived", "landed"),
    ("on board", "signed", " in", "accepted"),
    ("part of",),
    ("serving", "deployed", "stationed"),
    ("give", "gave", "given", "giving"),
    ("green",),
    ("approv", "authori", "endors", "back", "ratif", "rubber", "sign", "go-ahead"),
    ("voted",),
    ("confirm",),
    ("contributor",),
    ("in principle",),
    ("complet",),
    ("yes",),
    ("no",),
    (
        "participation",
        "contribution",
        "offer",
        "pledge",
        "commitment",
        "involvement",
        "consent",
        "deployment",
        "arrival",
    ),
    (
        "consider",
        "weigh",
        "stud",
        "review",
        "examin",
        "mull",
        "think",
        "ponder",
        "eye",
        "evaluat",
        "assess",
        "explor",
        "look",
    ),
    ("consider",),
    ("expected", "likely", "poised", "tipped", "anticipated", "predicted", "forecast", "projected"),
    ("yet", "not", "will", "would"),
    ("receiv", "got", "received"),
    ("asked", "approached", "invited", "contacted", "sounded"),
    (
        "decision",
        "decide",
        "yet to",
        "not yet",
        "made up",
        "undecided",
        "too early",
        "too soon",
        "take a",
        "make a",
        "final decision",
        "premature",
        "open to",
        "leaning",
        "described as",
        "said to be",
        "reported as",
        "understood to be",
        "in talks",
        "in consultation",
        "in discussions",
        "answer",
        "responded",
        "under",
        "ongoing",
        "before",
        "interest",
        "took no",
        "close to",
        "time",
        "waiting",
        "answered",
        "deciding",
        "debate",
        "discuss",
        "vote on",
        "decision",
        "answer",
        "repl",
        "respons",
    ),
    ("may", "might", "could", "can"),
    ("refus", "declin"),
    ("reject", "turn"),
    ("refus",),
    ("rul", "exclud"),
    ("question", "off the table", "door", "dismiss"),
    ("no ", "not", "never", "decide", "chose", "opted", "voted", "unwilling", "against", "spare"),
    _EXIT_KEYWORDS,
    ("plan", "back", "stay", "refrain", "sit", "sat", "no to"),
    _EXIT_KEYWORDS,  # a force leaving needs an exit word
    _FORCE_KEYWORDS,
    ("has", "have", "there"),
    ("approved", "authori", "endorsed", "ratified", "green"),
    ("pledged", "promised", "offered", "committed", "earmarked"),
    ("to ",),
)
assert len(_CUE_KEYWORDS) == len(_CUE_PATTERNS)

CUES: tuple[tuple[re.Pattern[str], Stance, str, tuple[str, ...]], ...] = tuple(
    (re.compile(pattern, _I), stance, kind, keywords)
    for (pattern, stance, kind), keywords in zip(_CUE_PATTERNS, _CUE_KEYWORDS, strict=True)
)

PARTICIPATION_CONTEXT = re.compile(
    r"\b(?:" + PART_NOUN + r"|participat\w*|contribut\w*|take part|taking part|deploy\w*|mission|force"
    r"|operation|peacekeep\w*|coalition|contingent|join(?:ing)?|enforcement|combat|abroad|overseas)\b",
    _I,
)

# "Bangladesh Army to send ...": a country, maybe one of its institutions, right before a headline cue
HEADLINE_SUBJECT = re.compile(
    r"\s+(?:army|navy|air force|military|armed forces|police|government|cabinet|parliament|defen[cs]e"
    r"(?: ministry)?|ministry)$",
    _I,
)
# the object of a request, not the requester's stance: "Britain urged Gulf states to send troops"
REQUEST_BETWEEN = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:s|ed)? on|press(?:es|ed|ing)|invit(?:e|es|ed)"
    r"|want(?:s|ed)?|encourag(?:e|es|ed)|appeal(?:s|ed)? to|request(?:s|ed)|push(?:es|ed)|lobb(?:y|ies|ied))"
    r"\s+(?:[\w'’-]+\s+){1,5}?to\s+$",
    _I,
)
OPPOSED_PLAN = re.compile(
    r"\b(?:condemn|oppos|criticis|criticiz|reject|denounc|protest|warn)\w*\s+(?:(?:the|any|such)\s+)?"
    r"(?:\w+\s+)?plans?\s+to\b",
    _I,
)
FORECAST_BEFORE = re.compile(
    r"\b(?:doubts?|doubted|predicts?|predicted|forecasts?|speculat\w+|bets?|likely|expected to (?:announce"
    r"|confirm|say|decide|declare|formalise|formalize))\s+(?:that\s+)?(?:[\w'’-]+\s+){0,6}$",
    _I,
)
# "its contribution to UNFICYP would end next year"
NOMINAL_ENDS = re.compile(
    r"[^,;]{0,60}?\b(?:will|would|is to|is set to|is due to)\s+(?:\w+\s+)?(?:end|cease|expire"
    r"|be (?:ended|wound down|terminated|phased out))\b",
    _I,
)
# "Azerbaijan's participation remains under review": the noun is the topic of an undecided predicate
NOMINAL_UNDECIDED = re.compile(
    r"[^,;]{0,60}?\b(?:remains?|is|was|are|were|has been)\s+(?:still\s+)?(?:under (?:review|consideration"
    r"|discussion|study)|undecided|uncertain|unclear|being (?:considered|discussed|studied|reviewed))",
    _I,
)
NOT_AMONG = re.compile(
    r"\bnot\s+(?:one of|among)\s+(?:the\s+)?(?:\w+\s+)?(?:countries|states|nations|governments|contributors)"
    r"\s+(?:that|which|who)\s+(?:\w+\s+){0,2}$",
    _I,
)
# before a country named as where forces go: "to Mali", "into Sudan", "in eastern Chad"
DESTINATION_BEFORE = re.compile(
    r"\b(?:to|into|in|for)\s+(?:the\s+)?(?:(?:eastern|western|northern|southern|central)\s+)?$", _I
)
OTHER_OPERATION = re.compile(r"\b(?:UN[A-Z]{3,}|MINU[A-Z]{2,}|EU[A-Z]{3,})\b")
OBLIGATION_BEFORE = re.compile(r"\b(?:(?:have|has|had|need|needs) to|must)\s+(?:\w+\s+)?$", _I)
# an international operation meant without its name ("the UN mission", "a peacekeeping contingent")
OPERATION_WORD = re.compile(
    r"\b(?:missions?|operations?|peacekeep\w*|blue helmets|coalition|contingents?|stabili[sz]ation"
    r"|multinational|(?-i:UN|AU|EU|NATO)|United Nations|African Union|(?:the|a|an) (?:\w+ )?force"
    r"|deploy\w*|rotat\w*|abroad|overseas|outside (?:the|their|its) (?:country|borders))\b",
    _I,
)
PASSIVE_BY = re.compile(r"^\s+by\s+(?:the\s+)?$", _I)
SPEECH_VERB = re.compile(
    r"\b(?P<verb>said|says|say|stated|states|announced"
    r"|announces|added|adds|noted|notes|stressed|stresses|insisted|insists|claimed|argued|argues|declared"
    r"|declares|asserted|asserts|maintained|maintains|wrote|writes|posted|tweeted|replied|replies|explained"
    r"|explains|suggested|suggests|warned|warns|acknowledged|acknowledges|reiterated|reiterates|emphasi[sz]ed"
    r"|underlined|indicated|recalled|conceded|revealed|disclosed|told|tells|informed|informs|confirmed"
    r"|confirms|clarified|clarifies|reported|claims|saying|adding|stressing|underlining|noting|insisting|arguing|explaining)\b",
    _I,
)
AUXILIARIES_BEFORE = re.compile(r"\b(?:(?:has|have|had|also|later|previously|earlier)\s+)+$", _I)
OBJECT_VERBS = frozenset({"told", "tells", "informed", "informs"})
THAT_ONLY_VERBS = frozenset({"confirmed", "confirms", "reported"})
SPEECH_TAIL = re.compile(
    r"\s*(?:(?:on|in|at|to|during|after|before|late|earlier|later|last|this|from|of|via|through"
    r"|when)\b(?:(?!\b(?:would|will|had|has|have|is|are|was|were)\b)[^,;])*)?"  # not "on Tuesday it would"
    r"\s*(?:[.!]?[\"”’']?\s*$|,)",
    _I,
)
ACCORDING_TO = re.compile(r"\baccording to\s+", _I)
DENIAL = re.compile(
    r"\b(?P<verb>denied|denies|deny|denying|dismissed|dismisses|rejected|rejects|refuted|refutes|disputed"
    r"|disputes|rebuffed|played down|brushed aside)\s+(?:(?:that|having)\b"
    r"|(?:as\s+(?:\w+\s+){1,3}?)?(?:the\s+"
    r"|a\s+|an\s+"
    r"|any\s+|such\s+)?(?:[\w'’-]+\s+){0,2}?(?:reports?|claims?|suggestions?|remarks?|statements?"
    r"|assertions?|allegations?|speculation|rumou?rs?|comments?|accounts?|idea|notion)\b"
    r"|(?=(?:any\s+)?(?:[\w'’-]+\s+)?(?:troops?|soldiers?|forces|peacekeepers|deployment)\b))",  # headlines
    _I,
)
_FALSE = (
    r"[\"'‘“]?(?:(?:pure|sheer|complete|total|utter|a)\s+)?(?:false|wrong|untrue|baseless|premature|inaccurate"
    r"|unfounded|incorrect|mistaken|fake|fabricated|invented|not true|groundless|misleading|invention|fiction"
    r"|fabrication|fantasy|nonsense|speculation)\b"
)
FALSE_AFTER = re.compile(r"\W{0,3}(?:and|or)\s+" + _FALSE, _I)  # "premature and wrong": false
FALSE_PREDICATE = re.compile(
    r"\b(?:reports?|claims?|statements?|suggestions?|remarks?|allegations?|assertions?|rumou?rs?|accounts?)\b"
    r"(?P<content>[^;]{0,160}?)\b(?:was|were|is|are|had been|has been)\s+(?:\w+\s+){0,2}?(?:"
    + _FALSE
    + r"|(?:rejected|dismissed|denied|refuted|rebuffed|disputed)\b)",
    _I,
)
CALLED_FALSE = re.compile(  # "the ministry called the reports of a deployment groundless"
    r"\b(?:called|calls|call|described|describes|termed|branded|dismissed)\s+(?:the\s+|such\s+|these\s+)?"
    r"(?:reports?|claims?|statements?|suggestions?|remarks?|allegations?)\b[^;]{0,160}?\s(?:as\s+)?" + _FALSE,
    _I,
)
EMBED_NOUN = re.compile(
    r"(?:'s|’s)\s+(?:\w+\s+)?(?:remarks?|suggestions?|claims?|assertions?|statements?|comments?|announcement"
    r"|insistence|boast)\s+that\b",
    _I,
)
CLAIM_BY = re.compile(
    r"\b(?:claims?|remarks?|suggestions?|statements?|assertions?) by\s+(?P<np>[^,;]{2,80}?)\s+that\b", _I
)

NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|never|no longer|cannot)\b|n't|\bno\b)\s*(?:[\w'’-]+\s+){0,3}$"
    r"|\b(?:neither|nor)\b\s*(?:[\w'’-]+\s+){0,4}$",
    _I,
)
NOT_ONE = re.compile(r"\b(?:not (?:a single|one)|no|none of)\b\s+(?:[\w'’-]+\s+){0,4}$", _I)
NEGATION_INSIDE = re.compile(r"\b(?:not|never|no longer|neither|no part)\b|n't|\bwo\b", _I)
REFUSAL_GAP = re.compile(
    r"\b(?:refrain|refus\w*|declin\w*|reject\w*|avoid\w*|hesitat\w*|stay out|back out|rule out|ruled out)\b",
    _I,
)
STILL_OPEN = re.compile(r"\b(?:yet|so far|formally|officially|still)\b", _I)
PROBABLY = re.compile(r"\b(?:probably|likely|possibly|perhaps)\b", _I)  # "will probably join": a forecast
REQUESTED_BEFORE = re.compile(  # "had not been asked to send troops": the request, not a stance
    r"\b(?:asked|invited|requested|approached|urged|called on|requests?)\s+(?:to\s+(?:\w+\s+){0,3})?$", _I
)
REQUEST_INSIDE = re.compile(r"\b(?:asked|invited|urged|requested|called on|pressed)\b", _I)
MAYBE_BEFORE = re.compile(r"\b" + _MAYBE + r"\s+(?:[\w'’-]+\s+){0,2}$", _I)
HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|apparently|is said to|are said to|was said to|were said to|appears? to"
    r"|rumou?red|purportedly|understood to|believed to)\b",
    _I,
)
CONDITION_AFTER = re.compile(
    r"^(?:[^,;]*?\b|[^,;]*?,\s*(?:but\s+)?)(?P<cond>only if|if|unless|provided(?: that)?"
    r"|as long as(?! (?:\w+ ){0,2}(?:needed|necessary|required|it takes|exists|lasts|continues|runs))"
    r"|so long as(?! (?:\w+ ){0,2}(?:needed|necessary|required))|on condition|conditional (?:on|upon)"
    r"|subject to|only (?:with|under|after|once|when|in)|until|before|without (?:a|an|the|prior)|once"
    r"|depend(?:s|ing)? (?:on|upon)|(?<!its )(?<!their )(?<!the )(?<!a )contingent (?:on|upon)|but only"
    r"|as soon as|pending|in the event"
    r"|should (?:the|it|they|there|a|an|[A-Z]\w*\s+(?:request|ask|decide)))\b",
    _I,
)
# Anywhere in the sentence, these make a claim too uncertain to rebut (whatever stance the cue gave it)
QUALIFIED = re.compile(
    r"\b(?:if|unless|whether|provided(?= that| the| it| they| all| there)|pending|once(?! again| more)"
    r"|should|(?-i:may)(?! not)|might(?! not)|could(?! not| never)"
    r"|would consider|would have"
    r"|as soon as|as long as|subject to|conditional|depend\w*|only (?:if|with|under|after|when|once)"
    r"|after (?:a|an|any|the)\s+(?:\w+\s+)?(?:ceasefire|cease-fire|peace|truce|settlement)"
    r"|expect\w*|likely|unlikely|probabl\w*|possibl\w*|perhaps|potential\w*|poised|tipped|doubt\w*"
    r"|speculat\w*|rumou?r\w*|unconfirmed|unverified|ask(?:s|ed)?|urg(?:e|es|ed)|call(?:s|ed)? on|want\w*"
    r"|hop(?:e|es|ed|ing)|press(?:es|ed|ing)? for|would like|requested|wish(?:es|ed)?)\b|\?",
    _I,
)
# Beside the cue, these say the claim is disputed, counterfactual or background: reported, never rebutted
DISPUTED = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|refut\w*|retract\w*|clarif\w*|correct(?:ed|ion)|walked back|false|untrue"
    r"|fabricat\w*|baseless|groundless|unfounded|inaccurate|not true|misleading|invent(?:ed|ion)|fiction"
    r"|fantasy|nonsense|premature)\b",
    _I,
)
COUNTERFACTUAL = re.compile(r"^\W*(?:had|were|should)\s|\b(?:would|could|might) (?:already|have)\b", _I)
# a past season or month beside a past exit: "pulled out of Goma in the spring" (background, maybe ended)
PAST_TIME = re.compile(
    r"\b(?:in the (?:spring|summer|autumn|fall|winter)|last (?:year|spring|summer|autumn|winter)"
    r"|earlier this year|in (?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December))\b",
    _I,
)
OLD_YEAR = re.compile(r"\b(?:in|of|by)\s+(?:19\d\d|20[01]\d|202[0-5])\b", _I)
CONDITION_BEFORE = re.compile(r"^\W*(?:until|unless|only if|provided|once)\b", _I)
CONDITIONAL_NOUN = re.compile(
    r"\bconditional (?:on|upon)\b|\bdepend(?:s|ing)? (?:on|upon)\b|\b(?:would|will) (?:require|need)\b", _I
)

QUESTION_CLAUSE = re.compile(r"\b(?:whether|if)\b[^,;:]*", _I)
INVERTED_CONDITION = re.compile(r"^\W*(?:should|were|had)\s[^,]*,", _I)
LEADING_CONDITION = re.compile(r"^\W*(?:until|unless|if|even if|only if|once)\b[^,]*,", _I)
RELATIVE = re.compile(
    r",\s+(?:(?:to|in|of|with|for|from|under)\s+)?(?:which|who|whom|whose)\b[^,;]*(?:,|$)", _I
)
APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s[^,;]{0,80},")
WISH_BEFORE = re.compile(
    r"\b(?:hope[sd]?|hoping|wants?|wanted|wish(?:es|ed)?|urg(?:e|es|ed|ing)|press(?:es|ed|ing)|push(?:es|ed"
    r"|ing)|call(?:s|ed)? on|expect(?:s|ed)?|ask(?:s|ed)?|invit(?:e|es|ed)|would like|encourag(?:e|es|ed)"
    r"|told|tell|allow(?:s|ed)?|permit(?:s|ted)?|persuad(?:e|es|ed)|convinc(?:e|es|ed)|pressur(?:e|es|ed))"
    r"\s+(?:that\s+)?$",
    _I,
)
PAST_DEPLOY = re.compile(
    r"(?:sent|deployed|dispatched|served|took part|participated|contributed|joined|led|started|began|left"
    r"|withdrew|withdrawn|pulled|recalled|went)\b",
    _I,
)
# After a cue that ends in "to"/"of" ("no intention of"), what is refused must be taking part
REFUSED_OBJECT = re.compile(
    r"\s+(?:(?:any|the|a|an|its|their|our)\s+)?(?:(?!\w+ing\b)[\w-]+\s+){0,2}?(?:"
    + PART_VERB
    + "|"
    + PART_NOUN
    + r"|mission|force|operation|participat\w*|contribut\w*|deploy\w*)\b",
    _I,
)
DANGLING = re.compile(r"\b(?:to|of|for|from|in)$", _I)
# A refusal limited to combat or enforcement is a national caveat, not a refusal to take part (domain A1/A2)
CAVEAT = re.compile(
    r"\b(?:combat|peace enforcement|enforcement|offensive|fight\w*|front ?lines?|disarm\w*)\b", _I
)
RETRACTION = re.compile(
    r"\bneither\s+confirm\w*\s+nor\s+den\w*\s+(?:that|whether|reports?)\b.*|"
    r"\b(?:retract(?:ed|s|ing)?|withdrew|corrected)\s+(?:its|their|the|a|an)?\s*(?:\w+\s+)?(?:report|claim"
    r"|story|statement|article)s?\s+that\b.*"
    r"|\b(?:report|claim|story|article)s?\b[^;:]{0,40}?\bthat\b[^;:]*?\b(?:was|were|has been|had been)\s+"
    r"(?:later\s+|quickly\s+|swiftly\s+)?(?:retracted|withdrawn|corrected)\b[^;:]*",
    _I,
)
POSSESSOR_OBJECT = re.compile(
    r"\b(?:reject(?:s|ed)?|oppos(?:e|es|ed)|objected to|block(?:s|ed)?|veto(?:es|ed)?|welcom(?:e|es"
    r"|ed)|sought"
    r"|seeks|request(?:s|ed)?|would welcome|criticis(?:e|es|ed)|criticiz(?:e|es|ed))\s+$",
    _I,
)
PAST_YEAR = re.compile(r"\b(?:in|since|from)\s+(?:19|20)\d\d\b", _I)
PAST_MARKER = re.compile(r"\bago\b|\bin the past\b|\bpreviously\b|\bformerly\b|\bfor decades\b", _I)
HISTORY = re.compile(r"\b(?:19|20)\d\d\b|" + PAST_MARKER.pattern, _I)
# what is sent when it is not a contingent: "will send a delegation", "send a questionnaire"
NOT_FORCES = re.compile(
    r"\s+(?:(?:a|an|the|its|their|his|her|our)\s+)?(?:(?!(?:nor|and|or|but)\b)\w+\s+){0,3}?(?:delegations?|envoys?"
    r"|aid|message|letters?"
    r"|humanitarian|ministers?|representatives?|signals?|condolences|invitations?|notes?|reply|response"
    r"|answers?|questionnaires?|questions|requests?|observers? to the talks|money|funds?|food|medicine"
    r"|logistic\w*|hubs?|equipment|weapons|arms|ammunition|funding|financing|airspace|intelligence|gas|oil"
    r"|fuel|grain|wheat|electricity|loans?|credits?|vaccines)\b",
    _I,
)
# A country's forces named as background, not as taking a stance (round 4): what they number or make up
# ("make up the bulk of", "remain the largest", "account for a third"), harm they suffered ("two soldiers
# serving with the force were killed"), presence since a year ("have served in Kosovo since 1999").
BACKGROUND_PREDICATE = re.compile(
    r"(?:(?:\w+\s+){0,2}?(?:make up|made up|account(?:s|ed)? for|number(?:s|ed)?"
    r"|form(?:s|ed)? (?:the|a) (?:bulk|backbone|core|majority)"
    r"|(?:remain|are|is|were|was)(?:s|ed)? (?:the|among|one of|a fixture)\b))",
    _I,
)
HARM = re.compile(
    r"\b(?:killed|wounded|injured|died|dead|hurt|ambushed|came under (?:fire|attack)|struck a mine"
    r"|kidnapped|abducted|casualt(?:y|ies)|mourn\w*|funeral)\b",
    _I,
)
SINCE_YEAR = re.compile(r"\b(?:since|from)\s+(?:19|20)\d\d\b|\bfor (?:years|decades|two decades)\b", _I)
# aid carried by a ship or a plane is not a contingent: "sent a ship carrying flour and medicine"
AID_CARGO = re.compile(
    r"\s+(?:\S+\s+){0,4}?(?:carrying|loaded with|laden with|of|with)\s+(?:[\w,]+\s+){0,5}?(?:aid|food|flour"
    r"|medicines?|medical supplies|tents|blankets|relief|supplies|humanitarian|water|rice|wheat)\b",
    _I,
)
# the operation is another one: "have sent staff officers to other operations"
OTHER_OPERATIONS = re.compile(
    r"\s+[^,;.]{0,60}?\b(?:to|in|with)\s+other\s+(?:\w+\s+)?(?:operations|missions)\b", _I
)
# silence is no stance: "have said nothing about contributing"
SILENT_BEFORE = re.compile(r"\b(?:said|says|say) nothing (?:about|on)\s+$|\bsilent (?:about|on)\s+$", _I)
# others' plural subjects are not the speaker's country: "ten countries had confirmed they would send"
OTHERS_SUBJECT = re.compile(
    r"\b(?:countries|governments|nations|states|partners|allies|contributors|members|capitals)\b", _I
)
# a contribution the country is still discussing: "Vilnius was still discussing its contribution"
WEIGHING_NOUN_BEFORE = re.compile(
    r"\b(?:consider\w*|study\w*|weigh\w*|discuss\w*|examin\w*|review\w*|debat\w*|assess\w*)\s+"
    r"(?:its|their|a|any|the|his country's|her country's)\s+(?:\w+\s+)?$",
    _I,
)
# a noun that is the topic of a hearing or debate, not a stance: "a hearing on its peacekeeping commitments"
TOPIC_BEFORE = re.compile(
    r"\b(?:hearing|debate|inquiry|report|review|questions?|briefing|discussion|study)\s+(?:\w+\s+){0,3}?"
    r"(?:on|about|into|over|of)\s+[^,;]{0,40}$",
    _I,
)
# a refusal beside the offer, after a contrast: "..., but none would be deployed with the force"
CONTRAST_REFUSAL = re.compile(
    r"\b(?:but|while|though|although|however|whereas)\b[^;]{0,80}?\b(?:none|no\s+\w+|not|never)\b[^,;]{0,40}?"
    r"\b(?:be deployed|deploy|send|serve|take part|join|be sent|go)\b",
    _I,
)
# between a country and the cue, the country acts on others' forces: "Israel would object to Turkish troops
# taking part", "Washington named Kazakhstan among the countries it hopes will contribute"
OPPOSED_BETWEEN = re.compile(
    r"\b(?:object(?:s|ed|ing)? to|oppos(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|veto(?:es|ed)?|block(?:s|ed)?"
    r"|resist(?:s|ed)?|hopes?|hoped|hoping|wants?|wanted)\b",
    _I,
)
# a country named as the one who asks: "Washington's request for troops"
REQUESTER_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:\w+\s+)?(?:request|proposal|invitation|call|demand|appeal|plan for)\b", _I
)
# "a plan to contribute a unit ... has been shelved": the plan's end is a refusal
PLAN_DROPPED = re.compile(
    r"[^,;]{0,80}?\b(?:has been|have been|was|were|had been|is being)\s+(?:\w+\s+)?(?:shelved|dropped"
    r"|scrapped|abandoned|cancell?ed|put on hold|suspended|frozen)\b",
    _I,
)
PLAN_BEFORE = re.compile(r"\bplans?\s+(?:to|for)\s+$", _I)
# a past exit listed as group membership: "were among the SADC states that pulled out of Goma"
AMONG_THAT = re.compile(
    r"\bamong\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:states|countries|nations|contributors|members|troops"
    r"|forces|contingents|soldiers|units)\s+"
    r"(?:that|which|who)\s+$",
    _I,
)
# an exercise or a drill is no operation: "took part in a two-week field exercise"
EXERCISE = re.compile(
    r"\s+(?:in\s+|with\s+)?(?:\S+\s+){0,4}?(?:exercises?|drills?|manoeuvres|maneuvers|war games|parades?"
    r"|training courses?)\b",
    _I,
)
# back home after a tour: "the frigate returned to Den Helder after a four-month tour"
TOUR_ENDED = re.compile(
    r"[^,;]{0,60}?\bafter (?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:tour|deployment|rotation)\b", _I
)
# an offer taken back for review: "will 'revisit' its offer of police"
REVISIT_BEFORE = re.compile(r"\b(?:revisit|reconsider|re-?examine|review)\w*\s+(?:\w+\s+){0,2}$", _I)
# a time, not a condition: "once the current AU phase ends"
PHASE_ENDS = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,6}?(?:ends|ended|expires|expired|is over|concludes|concluded|runs out)\b", _I
)
INDIRECT_QUESTION = re.compile(r"^\W*(?:how (?:long|many|much|far)|why|whether)\b", _I)
WEIGHING = re.compile(r"\b(?:consider\w*|study\w*|weigh\w*|discuss\w*|examin\w*|review\w*|explor\w*)\b", _I)

HARD_BOUNDARY = re.compile(
    r";|:|\s[—–-]\s|\b(?:but|while|whereas|though|although|however)\b|[“”\"]|,\s+(?:and|citing|saying|adding"
    r"|stressing|noting)\b",
    _I,
)
SOFT_BOUNDARY = re.compile(r"\b(?:that|which|who)\b", _I)
PART_NOUN_BEFORE = re.compile(r"\b" + PART_NOUN + r"\s+(?:from|of)\s+(?:the\s+)?$", _I)
# "the government of Bhutan has agreed": the state acts through its organs, it is not a prepositional object
ORGAN_OF_BEFORE = re.compile(
    r"\b(?:government|ministry|army|armed forces|navy|military|authorities|leadership|cabinet|parliament"
    r"|president|prime minister|(?:foreign|defen[cs]e) minister)\s+of\s+(?:the\s+)?$"
    r"|\b(?:officials|leadership|authorities|government|ministry)\s+in\s+$"
    r"|\b(?:last|rest|bulk|first|remainder|most|half|all|some|part) of (?:the\s+)?$"
    r"|\b(?:deployment|dispatch|sending|arrival|contribution|participation) of (?:(?:some|about|around|over"
    r"|nearly|up to) )?(?:[\d,]+\s+)?(?:more\s+)?$",
    _I,
)
PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|into|to|toward|towards|with|at|on|across|inside|outside|near|against|between|throughout|about"
    r"|over|for|from|under|via|than|like|unlike|of|by|amid|after|before|around|beyond)\s+(?:the\s+)?"
    r"(?:(?:southern|northern|eastern|western|central|neighbouring|neighboring)\s+)?$",
    _I,
)
COORDINATION = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as|nor)\s+)(?:the\s+)?$", _I)
ANAPHOR = re.compile(
    r"\b(?:(?P<first>we|our|us|I|my)|(?P<third>it|they|its|their|the country|his country|her country"
    r"|his government|her government|the government|his cabinet|her cabinet|the cabinet))\b"
)
_ROLES = """president prime minister foreign defence defense interior external affairs ambassador envoy
spokesman spokeswoman spokesperson secretary chancellor king queen emir crown prince leader official officials
diplomat diplomats general commander chief army ministry office presidency government administration source
sources adviser advisor senator lawmaker deputy representative mediator negotiator head director cabinet state
minister's president's chancellor's parliament speaker military navy armed forces staff council"""
ROLE_WORDS = frozenset(_ROLES.split())
