"""Stance cues of the claims lexicon: (pattern, stance, kind) with the keywords that gate each pattern."""

from __future__ import annotations

import re

from missiongate.claims.lexicon.words import (
    EXIT_VERB,
    FORCE_AUX,
    FORCE_FUTURE,
    FORCE_NP,
    FORCE_VERB,
    GAP,
    IGNORE_CASE,
    KEEP,
    MAYBE,
    MODAL,
    NEG,
    NOT_TROOPS,
    PART_NOUN,
    PART_VERB,
    PASSIVE_PLEDGE,
)
from missiongate.claims.model import Stance

# (pattern, stance, kind). kind "nominal" needs a country attached to the noun; "bare" cues carry no
# participation word themselves and need one elsewhere in the sentence (or document); so do all kinds
# but those in CONTEXT_FREE.
_CUE_PATTERNS: tuple[tuple[str, Stance, str], ...] = (
    # agreed
    (
        r"\b(?:agree[sd]?|agreeing|consent(?:s|ed)?|pledg(?:e|es|ed|ing)|commit(?:s|ted)?"
        r"|promis(?:e|es|ed)"
        r"|vow(?:s|ed)?|volunteer(?:s|ed)?|offer(?:s|ed)?|undert(?:ook|akes))"
        r"\s+(?:in principle\s+|formally\s+|tentatively\s+|privately\s+|quietly\s+)?to\s+" + GAP + PART_VERB,
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
    (  # consent to an operation, a host's or a contributor's: "has consented to the deployment of its
        # formed police unit", "agreed to a two-year extension of the EU mission", "agreed to host"
        r"\b(?:agree[sd]?|agreeing|consent(?:s|ed|ing)?|(?:given|gave|give|gives)\s+(?:its|their)\s+consent)"
        r"\s+(?:formally\s+|in writing\s+|in principle\s+)?to\s+(?:host(?:ing)?\s+)?"
        r"(?:(?:the|a|an|its|their)\s+)?"
        r"(?:(?!(?:on|of|for|about|over|with)\b)[\w'’-]+\s+){0,4}?(?:deployment|stationing|presence|extension"
        r"|renewal|mission|force|operation|contingent|unit|troops|patrols?|observers|monitors|peacekeepers"
        r"|headquarters|base)\b",
        Stance.AGREED,
        "consent",
    ),
    (  # "has withdrawn its consent to the African Union mission"; negated, the consent stands
        r"\b(?:withdr(?:aw|aws|awn|ew|awing)|revok(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|retract(?:s|ed|ing)?)"
        r"\s+(?:its|their)\s+consent\b",
        Stance.DECLINED,
        "consent-exit",
    ),
    (  # a host lets an operation in or keeps it out (round 8): "will not allow the East African force to
        # return", "accepts and will cooperate with the force", "would no longer host the coalition"
        r"\b(?:allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|accept(?:s|ed)? and (?:will |would )?(?:\w+ )?with"
        r"|invit(?:e|es|ed|ing)(?= (?:the |an? )?(?:[\w-]+ ){0,3}?(?:force|mission|monitors|observers)\b)"
        r"|welcom(?:es|ed) and consent(?:s|ed)? to|host(?:s|ing)?)\s+(?:the\s+|a\s+|an\s+|any\s+)?"
        r"(?:(?!(?:talks|summit|meeting|conference)\b)[\w'’-]+\s+){0,4}?(?:force|mission|operation|coalition"
        r"|contingents?|peacekeepers|monitors|observers)\b",
        Stance.AGREED,
        "consent",
    ),
    (  # a host wants an operation to stay or to go (round 8): "wants the EU monitoring mission to stay"
        r"\bwant(?:s|ed)?\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,4}?(?:force|mission|operation|monitors"
        r"|observers)\s+(?:[\w'’-]+\s+){0,3}?to\s+(?:stay|remain)\b",
        Stance.AGREED,
        "consent",
    ),
    (
        r"\bwant(?:s|ed)?\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,4}?(?:force|mission|operation|monitors"
        r"|observers)\s+(?:[\w'’-]+\s+){0,3}?to\s+(?:leave|go|withdraw)\b",
        Stance.DECLINED,
        "consent-exit",
    ),
    (  # "Italy has taken over command of the NATO mission in Kosovo"
        r"\b(?:take[sn]?|took|taking)\s+over\s+(?:the\s+)?(?:command|leadership|lead)\s+of\b",
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
        r"|" + KEEP + r"|maintain(?:s|ed|ing)?|put(?:ting)?(?= boots)"
        r"|rotat(?:e|es|ed|ing)|approv(?:es|ed)|spare|replac(?:e|es|ed|ing))"
        r"\s+" + GAP + PART_NOUN + r"\b",
        Stance.AGREED,
        "verb",
    ),
    (  # seconding officers: "will second a dozen planners" (never the ordinal "a second battalion")
        r"\b(?:(?:will|would|shall|to)\s+second|seconds|seconded|seconding)\s+" + GAP + PART_NOUN + r"\b",
        Stance.AGREED,
        "verb",
    ),
    (  # a denial in the object (round 8): "has approved nothing of the sort", "has made no such decision",
        # "had made no commitment"
        r"\b(?:approved|agreed(?: to)?|promised|committed(?: to)?|pledged|offered|decided|signed)\s+nothing\b"
        r"|\b(?:made|taken|given|is|was|there is|there was)\s+no\s+such\s+(?:decision|commitment|pledge|offer"
        r"|promise|agreement|deployment|plan)\b|\bmade\s+no\s+(?:commitment|pledge|promise|offer)\b",
        Stance.DECLINED,
        "verb",
    ),
    (  # "will send nobody", "is sending no one": a refusal in the object
        r"\b(?:(?:will|would|shall|is|are|to)\s+)?(?:send|sends|sending|deploy|deploys|deploying|contribute"
        r"|contributes|contributing)\s+(?:nobody|no one|no-one)\b",
        Stance.DECLINED,
        "verb",
    ),
    (r"\b" + MODAL + r"\s+" + NEG + GAP + PART_VERB + r"\b", Stance.AGREED, "verb"),
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
        r"|ratif(?:y|ies|ied|ying)|rubber-stamp(?:s|ed)?|sign(?:s|ed)? off on|gave the go-ahead (?:to|for)"
        # round 10: a parliament extends "the participation of up to 40 soldiers in" an operation
        r"|(?<!authorisation to )(?<!authorization to )(?<!approval to )"  # asked for, not given
        r"(?:extend|renew|prolong)(?:s|ed|ing)?(?= (?:the|its|their) (?:participation|deployment) of\b))"
        r"\s+(?:[\w'’-]+\s+){0,4}?(?:deployment|sending|dispatch|participation|contribution|extension"
        r"|(?:proposal|plans?) to (?:send|deploy|contribute)|(?-i:[a-z][\w-]*\s+)?" + PART_NOUN + r"\b)",
        Stance.AGREED,
        "approval",
    ),
    (r"\bvoted (?:for|in favou?r of) (?:sending|deploying|the deployment)", Stance.AGREED, "verb"),
    (
        # round 10: also without a determiner, as headlines put it ("Peru confirms participation")
        r"\bconfirm(?:ed|s|ing)?\s+(?:(?:its|their|the country's|his country's|her country's"
        r"|our)\s+)?participation",
        Stance.AGREED,
        "verb",
    ),
    (
        r"\b(?:largest|biggest|first|main|lead|latest|new|major) (?:troop )?contributors?\b",
        Stance.AGREED,
        "bare",
    ),
    (r"\bdecision in principle\b", Stance.AGREED, "bare"),
    (  # a host's consent in diplomatic words: "had no objection to extending the mandate"
        r"\b(?:has|had|have|raised?|raises) no objections? to (?:the )?(?:extending|extension|renewing"
        r"|renewal|presence|deployment|stationing)\b",
        Stance.AGREED,
        "consent",
    ),
    (r"\bcomplet(?:ed|es|ing) (?:the |its |their )?(?:\w+ )?deployment\b", Stance.AGREED, "verb"),
    (  # "only Indonesia has given a firm yes; Egypt and Jordan have said no"
        r"\b(?:said|says|say|given|gave|give|giving) (?:a |an )?(?:firm |clear |formal )?yes\b",
        Stance.AGREED,
        "bare",
    ),
    (
        r"\b(?:said|says|say|given|gave|give|told (?:us|them|me|\w+))\s+(?:a\s+)?(?:firm\s+|clear\s+)?no\b"
        r"(?=\s*(?:[,.;]|and\b|$))",
        Stance.DECLINED,
        "bare",
    ),
    (
        r"\b(?:participation|contributions?|offers?|pledges?|commitments?|involvement|consent|deployments?"
        r"|arrival)\b",
        Stance.AGREED,
        "nominal",
    ),
    # considering ("having reviewed the request, has decided to decline": the weighing is over)
    (
        r"\b(?<!having )(?:(?:re)?consider(?:s|ing|ed)?|weigh(?:s|ing|ed)?|study(?:ing)?|studies|studied"
        r"|review(?:s|ing|ed)?"
        r"|examin(?:e|es|ing|ed)|mull(?:s|ing|ed)?|ponder(?:s|ing|ed)?|eye(?:s|ing|d)?|evaluat(?:e|es|ing|ed)|assess(?:es|ing|ed)?|explor(?:e|es|ing|ed)"
        r"|look(?:s|ing)? (?:carefully |closely |seriously )?(?:at|into)|think(?:s|ing)? (?:about|of))\s+"
        + GAP
        + r"(?:request|inquir(?:y|ies)|invitation|proposal|possibility"
        r"|options?|contributions?|participation|commitments?|involvement|deployment|sending|deploying|joining"
        r"|details?|terms|mandate"
        r"|contributing|taking part|whether"
        r"|risks|a (?:\w+ )?role|it|requests|" + PART_NOUN + r")\b",
        Stance.CONSIDERING,
        "verb",
    ),
    (  # "we are looking seriously at the stabilization force"
        r"\blook(?:s|ing)? (?:carefully |closely |seriously |hard )?(?:at|into) (?:the |a |an )?"
        r"(?:[\w-]+ ){0,3}?(?:force|mission|operation)\b",
        Stance.CONSIDERING,
        "verb",
    ),
    (  # spoken: "We are not going, full stop", "Chile is going to Haiti"
        r"\b(?:are|is|am)\s+(?:not\s+)?going\b(?=\s*(?:[,;!]|\.(?:\s|$)|$|\s+to\s+(?:the\s+)?(?-i:[A-Z])))",
        Stance.AGREED,
        "bare",
    ),
    (  # a list of answers: "Denmark is in, Sweden is thinking about it"; "Bulgaria is out of Aspides"
        r"\b(?:is|are)\s+(?:now\s+|already\s+)?in\b(?=\s*(?:[,;]|\.(?:\s|$)|and\b|$))",
        Stance.AGREED,
        "bare",
    ),
    (
        r"\b(?:is|are)\s+(?:now\s+|already\s+)?out\b(?=\s*(?:[,;]|\.(?:\s|$)|and\b|$)|\s+of\s+(?:the\s+)?"
        r"(?:(?-i:[A-Z])|mission|force|operation|coalition))",
        Stance.DECLINED,
        "bare",
    ),
    (r"\b(?:would|will) consider\b", Stance.CONSIDERING, "verb"),
    (  # "will wait for the Council's next resolution before deciding": undecided
        r"\b(?:will|would|to)\s+wait\s+(?:for|until)\b[^.;]{0,80}?\bbefore\s+(?:deciding|taking a decision"
        r"|making a decision|committing)\b",
        Stance.CONSIDERING,
        "verb",
    ),
    # predictions by others: "is expected to join" says nothing decided
    (
        r"\b(?:expected|likely|unlikely|poised|tipped|anticipated|predicted|forecast|projected|certain)\s+to\s+"
        + GAP
        + r"(?:"
        + PART_VERB
        + r"|offer|pledge|commit|approve|agree)\b",
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
        r"|\b(?:will|is to|are to|set to|would) (?:debate|discuss|vote(?: \w+){0,2}? on) (?:the |a |an )?"
        r"(?:\w+ )?(?:deployment|request|proposal|sending|contribution|participation|motion)\b"
        r"|\b(?:still|is|are) deciding\b"
        r"|\b(?:deferred|postponed|put off|delayed) (?:a|its|their|the|any) decision\b"
        r"|\b(?:deferred|postponed|put off) (?:its|their|the) (?:next )?(?:rotation|deployment"
        r"|contribution)\b"
        r"|\b(?:still )?consult(?:ing|s) (?:with )?(?:\w+ ){0,2}?(?:partners|allies|neighbou?rs|capitals)\b"
        r"|\bbefore (?:\w+ )?(?:gives?|giving|sends?|sending) (?:\w+ ){0,3}?(?:an? )?"
        r"(?:answer|reply|response)\b"
        r"|\bneed(?:s|ed)? (?:more )?time\b|\b(?:awaiting|waiting for) (?:\w+ ){0,4}?(?:clarity|answers?"
        r"|clarif\w*|details|more information|a reply|replies|consent|approval|green light|go-ahead)\b"
        r"|\b(?:has|have|had) not (?:yet )?been answered\b"
        r"|\b(?:a|the|any) (?:final )?decision (?:on|about)\b"
        r"(?=[^.;]{0,80}\b(?:expected|due|awaited|pending))"
        r"|\bnot (?:yet )?made up (?:its|our|their|his|her|my) minds?\b"
        r"|\b(?:yet to|not yet) (?:take|taken|adopt|adopted|form|formed) a (?:position|stance|view)\b"
        r"|\b(?:consultations|talks|discussions|deliberations) (?:are|were|remain) (?:still )?ongoing\b"
        r"|\bbefore (?:\w+ )?(?:takes?|taking|makes?|making) (?:a|any) (?:final )?decision\b"
        r"|\b(?:expressed|shown|showed|signalled|signaled|indicated) (?:an |its |their |some )?interest in\b"
        r"|\b(?:was|is|were|are) (?:said|described|reported|understood) (?:to be|as) (?:still )?(?:review"
        r"|study|studies|assess|weigh|consider|examin|debat|discuss)\w*"
        # round 19 (z20): "is weighing withdrawal of its remaining troops": an exit not decided
        r"|\b(?:weigh|consider|mull|study|studies|review|examin|assess)\w* (?:a |the |its |their |an )?"
        r"(?:possible |full |partial |early )?(?:withdrawal|pull-?out|exit|drawdown)\b",
        Stance.CONSIDERING,
        "undecided",
    ),
    (r"\b" + MAYBE + r"\s+" + GAP + PART_VERB + r"\b", Stance.CONSIDERING, "verb"),
    # declined; round 18 (z14, z15, z17): the noun too ("Ottawa's refusal to commit even a single company")
    (
        r"\b(?:refus(?:e|es|ed|ing|als?)|declin(?:e|es|ed|ing))\s+(?:to\s+"
        + GAP
        + PART_VERB
        + r"|(?:(?:the|a|an|any)\s+)?"
        r"(?:\w+\s+){0,2}?(?:requests?|invitations?|calls?|participation|role))\b",
        Stance.DECLINED,
        "verb",
    ),
    (
        r"\b(?:reject(?:s|ed|ing)?|turn(?:s|ed)? down|vot(?:es|ed|ing) down)(?:,[^,;.]{1,30},)?\s+"
        # a vote's day or tally may stand between verb and bill: "rejected, by 24 votes to 19, the bill"
        r"(?:on\s+\w+day\s+)?(?:the\s+|a\s+|an\s+|any\s+)?(?:\w+\s+){0,2}?"
        r"(?:request|invitation|calls?|participation|proposal|sending|joining|deploying|deployment|motion"
        r"|bill|plan)\b",
        Stance.DECLINED,
        "verb",
    ),
    (r"\brefus(?:e|es|ed|ing|als?) to (?:withdraw|pull out|leave|recall)\b", Stance.AGREED, "verb"),
    (r"\b(?:rul(?:e|es|ed|ing) out|ruled\s+\w+\s+out|exclud(?:e|es|ed|ing))\b", Stance.DECLINED, "bare"),
    (
        r"\b(?:out of the question|off the table|closed? the door (?:on|to)|no question of"
        r"|dismiss(?:es|ed|ing)? (?:the |any )?(?:idea|possibility|prospect|notion) of)\b",
        Stance.DECLINED,
        "bare",
    ),
    (
        r"\bno (?:intention|plans?|desire|interest|wish)(?: (?:at present|for now|currently|yet"
        r"|at this (?:stage|time|point)|at the moment))?['’\"]? (?:of|to|for|in)\b"
        r"(?! (?:reduc|cut|shrink|scal|draw|withdr|pull|leav|end)\w*)"
        r"|\b(?:send|deploy|contribut|provid|offer)\w*\s+none\b"
        r"|\b(?:(?:will|would|shall|to|can|could)\s+)?(?:send|deploy|contribut|commit|provid|offer)\w*\s+no\s+"
        r"(?:\w+\s+)?(?:troops|soldiers|forces"
        r"|personnel|police|peacekeepers|units?|ships|warships|officers)\b|\bfailed to (?:agree on|approve)\b"
        r"|\bno such (?:plans?|intention)\b"
        r"|\b(?:decided|decides|chose|ruled|came out|voted)\s+(?:[\w]+\s+){0,3}?against\s+"
        r"(?:sending|deploying"
        r"|joining|taking part|participat\w+|contributing|a contribution|the deployment)\b|\b(?:not"
        r"|never)\s+(?:\w+\s+)?['‘]?(?:ready"
        r"|prepared|willing|in a position)['’]?(?:\s+(?:at\s+)?(?:this|present|the moment|now|currently)"
        r"(?:\s+stage)?)?\s+(?:to|for)\b|\b(?:decided|decides|chose|chooses"
        r"|opted) not to\b"
        r"|\bvoted against\b|\bunwilling to\b|\bno\s+(?:\w+\s+)?" + PART_NOUN + r"\s+to spare\b",
        Stance.DECLINED,
        "bare",
    ),
    # leaving an operation: "will withdraw its troops", "pulled out"; negated or denied it asserts staying
    (r"\b" + EXIT_VERB + r"\b(?!\s+" + NOT_TROOPS + ")", Stance.DECLINED, "exit"),
    (
        r"\b(?:drop(?:s|ped|ping)?|abandon(?:s|ed|ing)?|scrap(?:s|ped|ping)?|shelve[sd]?|cancel(?:s|led|ed)?)"
        r"\s+(?:its\s+|their\s+|the\s+)?plans?\s+to\b|\bback(?:s|ed|ing)? out\b|\bstay(?:s|ed|ing)? out of\b"
        r"|\brefrain(?:s|ed|ing)? from\b|\bsit(?:s|ting)? out\b|\bsat out\b|\b(?:says?|said) no to\b",
        Stance.DECLINED,
        "bare",
    ),
    (  # a pledge taken back is an exit from the operation ("has dropped its pledge of police officers");
        # negated ("has not withdrawn its offer") the pledge stands; round 17 (z16): a headline drops the
        # determiner ("PULLS OFFER OF SOLDIERS")
        r"\b(?:drop(?:s|ped|ping)?|abandon(?:s|ed|ing)?|scrap(?:s|ped|ping)?|shelve[sd]?|cancel(?:s|led|ed)?"
        r"|rescind(?:s|ed|ing)?|revok(?:e|es|ed|ing)|retract(?:s|ed|ing)?|withdr(?:aw|aws|awn|ew|awing)"
        r"|pull(?:s|ed|ing)?)"
        r"\s+(?:(?:its|their|the)\s+(?:\w+\s+)?)?(?:offer|pledge|commitment|promise)s?\b"
        r"|\b(?:offer|pledge|commitment|promise)s?\b[^;]{0,80}?\b(?:has|have|had) been (?:formally )?"
        r"(?:withdrawn|dropped|scrapped|shelved|cancell?ed|rescinded|revoked|retracted)\b",
        Stance.DECLINED,
        "exit",
    ),
    # a country's forces and what they do: the predicate is the cue (group "pred"), the force its subject
    (  # "its contingent would leave by June"
        FORCE_NP + r"\s+(?P<pred>" + FORCE_AUX + r"(?:" + EXIT_VERB + r"|leav(?:e|es|ing)\b(?! for)"
        r"|left\b(?! for| behind)(?![^.;]{0,80}\b(?:bound for|headed for|en route to|to join)\b)"
        # round 13: "Ethiopia's contingent will be replaced by troops from Ghana", "will be repatriated"
        r"|(?:replaced|repatriated)\b"
        r"(?! (?:with|by) (?:an? |the )?(?:more|additional|larger|fresh|new|another)\b)))\b",
        Stance.DECLINED,
        "force-exit",
    ),
    (
        FORCE_NP + r"\s+(?P<pred>" + FORCE_AUX + FORCE_VERB + "|" + FORCE_FUTURE + r")",
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
        r"\b(?:deployment|dispatch|sending)\s+of\s+(?:[^,;]|(?<=\d),(?=\d{3})){0,100}?\s"
        r"(?P<pred>(?:was|were|has been|have been|had been)\s+(?:\w+\s+)?(?:approved|authori[sz]ed|endorsed"
        r"|ratified|green-?lit|extended|renewed|prolonged)"
        # an extension in the present passive of a notice or decree: "the deployment of ... is extended"
        r"|(?:is|are) (?:hereby )?(?:extended|renewed|prolonged))\b"
        r"|\b(?:contingent|battalion|detachment|participation)\s+(?:[^,;]){0,40}?\s"
        r"(?P<pred2>(?:is|are|was|were|has been|have been|had been) (?:\w+ )?"
        r"(?:extended|renewed|prolonged))\b",
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
    # the formal wording of official prose: a request noted, a reply to come, a position reserved
    (
        r"\bwill revert\b"
        r"|\bwill (?:reply|respond|communicate|convey|inform|answer)\b[^.;]{0,60}?\bin due course\b"
        r"|\breserves? (?:its|their) position\b|\bremains? seized of\b|\bfavou?rably disposed\b"
        r"|\backnowledg(?:e|es|ed|ing) receipt of\b"
        r"|\b(?:is|are|was|were|remains?) (?:still )?under (?:examination|assessment)\b"
        r"|\b(?:is|are|was|were) (?:still )?being (?:assessed|examined|studied|considered|reviewed)\b"
        # a government asking its parliament: "intends to seek parliamentary approval for a contribution"
        r"|\b(?:seek(?:s|ing)?|sought|request(?:s|ed|ing)?) (?:the |its )?(?:parliamentary |congressional"
        r" |legislative |prior )?(?:approval|authori[sz]ation) (?:for|to)\b",
        Stance.CONSIDERING,
        "undecided",
    ),
    (  # "does not envisage any participation", "no such deployment is envisaged", "unable to accede to"
        r"\b(?:does|do|did) not (?:envisage|contemplate|foresee)\b"
        r"|\bno (?:such )?(?:[\w'’-]+\s+){0,2}?(?:deployment|participation|contribution|dispatch)"
        r" (?:is|was|has been|had been) (?:being )?(?:envisaged|contemplated|foreseen|planned)\b"
        r"|\bnot on the table\b"
        r"|\b(?:unable|not able) to (?:accede to|comply with|respond (?:positively|favou?rably) to)\b",
        Stance.DECLINED,
        "bare",
    ),
    # round 12: a host asks an operation to leave, or will not accept it (negated, the consent cue below
    # turns into a refusal); it welcomes or supports its presence ("asked the UN stabilisation mission to
    # leave", "would not accept any foreign force", "no longer accepts the observer group", "the standby
    # force was not welcome", "remained welcome", "reaffirmed its support for the mission's presence")
    (
        r"\bask(?:s|ed|ing)?\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,4}?(?:force|mission|operation|coalition"
        r"|peacekeepers|monitors|observers)\s+(?:[\w'’-]+\s+){0,3}?to\s+(?:leave|go|withdraw|depart"
        r"|end\s+(?:its|their)\s+(?:mission|presence|operations?))\b",
        Stance.DECLINED,
        "consent-exit",
    ),
    (
        # another state's forces ("will not accept Turkish troops") are a veto of their part, no consent
        r"\baccept(?:s|ed|ing)?\s+(?:any\s+|the\s+|an?\s+)?(?!(?-i:[A-Z])[a-z]+(?:ish|ian|ese|an|i)\s)"
        r"(?:[\w'’-]+\s+){0,3}?(?:force|mission|operation"
        r"|peacekeepers|soldiers|troops|observers|observer group|monitors)\b"
        r"|\b(?:force|mission|operation|UNDOF|UNIFIL|UNMISS|KFOR|peacekeepers|troops|monitors|observers)['’]?"
        r"\s+(?:remain(?:s|ed)?|is|was|are|were)\s+(?:still\s+)?['‘’\"“]?(?:no longer\s+|not\s+)?"
        r"(?:welcome|needed|wanted)\b"
        r"|\breaffirm(?:s|ed|ing)?\s+(?:its|their)\s+(?:support\s+for|consent\s+to)\s+(?:the\s+)?"
        r"(?:[\w'’-]+\s+){0,3}?presence\b",
        Stance.AGREED,
        "consent",
    ),
)

CONTEXT_FREE = frozenset(
    {"verb", "predicted", "undecided-request", "arrival", "force", "force-exit", "approval", "received"}
)
EXIT = frozenset({"exit", "force-exit", "consent-exit"})  # leaving: negated or denied, the country stays
CONSENT = frozenset({"consent", "consent-exit"})  # a host's own consent is a claim about the host
UNDECIDED = frozenset({"undecided", "undecided-request"})  # negation and denial leave them undecided
# cues whose country may follow them: "no decision on sending Azerbaijani servicemen", "approved the
# deployment of a Namibian battalion"
RIGHT_SUBJECT = frozenset({"nominal", "approval", "received"}) | UNDECIDED

_EXIT_KEYWORDS = (
    "withdr",
    "handing over",
    "handed over",
    "hands over",
    "hand over",
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
    "fl",
    "end",
    "wind",
    "wound",
    "terminat",
    "conclud",
    "replaced",
    "repatriated",
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
    ("agree", "consent"),
    ("consent",),
    ("allow", "permit", "accept", "welcom", "host", "invit"),
    ("want",),
    ("want",),
    ("over",),
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
    ("second",),
    ("nothing", "no such", "made no"),
    ("nobody", "no one", "no-one"),
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
    (
        "approv",
        "authori",
        "endors",
        "back",
        "ratif",
        "rubber",
        "sign",
        "go-ahead",
        "extend",
        "renew",
        "prolong",
    ),
    ("voted",),
    ("confirm",),
    ("contributor",),
    ("in principle",),
    ("objection",),
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
    ("look",),
    ("going",),
    (" in",),
    ("out",),
    ("consider",),
    ("wait",),
    (
        "expected",
        "likely",
        "poised",
        "tipped",
        "anticipated",
        "predicted",
        "forecast",
        "projected",
        "certain",
    ),
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
        "postpon",
        "deferred",
        "put off",
        "consult",
        "debate",
        "discuss",
        "vote",
        "decision",
        "answer",
        "repl",
        "respons",
        "withdrawal",
        "pull",
        "exit",
        "drawdown",
    ),
    ("may", "might", "could", "can"),
    ("refus", "declin"),
    ("reject", "turn", "vot"),
    ("refus",),
    ("rul", "exclud"),
    ("question", "off the table", "door", "dismiss"),
    ("no ", "not", "never", "decide", "chose", "opted", "voted", "unwilling", "against", "spare", "failed"),
    _EXIT_KEYWORDS,
    ("plan", "back", "stay", "refrain", "sit", "sat", "no to"),
    ("offer", "pledge", "commitment", "promise"),
    _EXIT_KEYWORDS,  # a force leaving needs an exit word
    _FORCE_KEYWORDS,
    ("has", "have", "there"),
    ("approved", "authori", "endorsed", "ratified", "green", "extended", "renewed", "prolonged"),
    ("pledged", "promised", "offered", "committed", "earmarked"),
    ("to ",),
    (
        "revert",
        "due course",
        "reserve",
        "seized",
        "disposed",
        "receipt",
        "under exam",
        "under assess",
        "being",
        "approval",
        "authori",
    ),
    ("envisag", "contemplat", "foresee", "foreseen", "table", "accede", "comply", "respond"),
    ("ask",),
    ("accept", "welcome", "needed", "wanted", "reaffirm"),
)
assert len(_CUE_KEYWORDS) == len(_CUE_PATTERNS)

CUES: tuple[tuple[re.Pattern[str], Stance, str, tuple[str, ...]], ...] = tuple(
    (re.compile(pattern, IGNORE_CASE), stance, kind, keywords)
    for (pattern, stance, kind), keywords in zip(_CUE_PATTERNS, _CUE_KEYWORDS, strict=True)
)
