"""Frames of the claims lexicon: participation context, headlines, requests, speech verbs, denials,
embedded claims, negation, hedges and conditions after a cue."""

from __future__ import annotations

import re

from missiongate.claims.lexicon.words import IGNORE_CASE, MAYBE, PART_NOUN

PARTICIPATION_CONTEXT = re.compile(
    r"\b(?:" + PART_NOUN + r"|participat\w*|contribut\w*|take part|taking part|deploy\w*|mission|force"
    r"|operation|peacekeep\w*|coalition|contingent|join(?:ing)?|enforcement|combat|abroad|overseas"
    r"|reinforcements)\b",
    IGNORE_CASE,
)

# "Bangladesh Army to send ...": a country, maybe one of its institutions, right before a headline cue
HEADLINE_SUBJECT = re.compile(
    r"\s+(?:army|navy|air force|military|armed forces|police|government|cabinet|parliament|defen[cs]e"
    r"(?: ministry)?|ministry)$",
    IGNORE_CASE,
)
# the object of a request, not the requester's stance: "Britain urged Gulf states to send troops"
REQUEST_BETWEEN = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:s|ed)? on|press(?:es|ed|ing)|invit(?:e|es|ed)"
    r"|want(?:s|ed)?|encourag(?:e|es|ed)|appeal(?:s|ed)? to|request(?:s|ed)|push(?:es|ed)|lobb(?:y|ies|ied))"
    r"\s+(?:[\w'’-]+\s+){1,5}?to\s+$",
    IGNORE_CASE,
)
OPPOSED_PLAN = re.compile(
    r"\b(?:condemn|oppos|criticis|criticiz|reject|denounc|protest|warn)\w*\s+(?:(?:the|any|such)\s+)?"
    r"(?:\w+\s+)?plans?\s+to\b",
    IGNORE_CASE,
)
FORECAST_BEFORE = re.compile(
    r"\b(?:doubts?|doubted|predicts?|predicted|forecasts?|speculat\w+|bets?|likely|expected to (?:announce"
    r"|confirm|say|decide|declare|formalise|formalize)|mark my words[,:;]?|you(?:'ll| will) see[,:;]?"
    r"|expect(?:s|ed)?(?= (?-i:[A-Z])))"
    r"\s+(?:that\s+)?(?:[\w'’-]+\s+){0,6}$",
    IGNORE_CASE,
)
# "its contribution to UNFICYP would end next year"
NOMINAL_ENDS = re.compile(
    r"[^,;]{0,60}?\b(?:(?:will|would|is to|is set to|is due to)\s+(?:\w+\s+)?(?:end|cease|expire"
    r"|be (?:ended|wound down|terminated|phased out))|['‘\"]?(?:ends|ceases|expires))\b",
    IGNORE_CASE,
)
# "Azerbaijan's participation remains under review": the noun is the topic of an undecided predicate
NOMINAL_UNDECIDED = re.compile(
    r"[^,;]{0,60}?\b(?:remains?|is|was|are|were|has been)\s+(?:still\s+)?(?:under (?:review|consideration"
    r"|discussion|study)|undecided|uncertain|unclear|being (?:considered|discussed|studied|reviewed))",
    IGNORE_CASE,
)
NOT_AMONG = re.compile(
    r"\bnot\s+(?:one of|among)\s+(?:the\s+)?(?:\w+\s+)?(?:countries|states|nations|governments|contributors)"
    r"\s+(?:that|which|who)\s+(?:\w+\s+){0,2}$",
    IGNORE_CASE,
)
# before a country named as where forces go: "to Mali", "into Sudan", "in eastern Chad"
DESTINATION_BEFORE = re.compile(
    r"\b(?:to|into|in|for)\s+(?:the\s+)?(?:(?:eastern|western|northern|southern|central)\s+)?$", IGNORE_CASE
)
OTHER_OPERATION = re.compile(r"\b(?:UN[A-Z]{3,}|MINU[A-Z]{2,}|EU[A-Z]{3,})\b")
OBLIGATION_BEFORE = re.compile(r"\b(?:(?:have|has|had|need|needs) to|must)\s+(?:\w+\s+)?$", IGNORE_CASE)
# an international operation meant without its name ("the UN mission", "a peacekeeping contingent")
OPERATION_WORD = re.compile(
    r"\b(?:missions?|operations?|peacekeep\w*|blue helmets|coalition|contingents?|stabili[sz]ation"
    r"|multinational|(?-i:UN|AU|EU|NATO)|United Nations|African Union|(?:the|a|an) (?:\w+ )?force"
    r"|deploy\w*|rotat\w*|abroad|overseas|outside (?:the|their|its) (?:country|borders))\b",
    IGNORE_CASE,
)
PASSIVE_BY = re.compile(r"^\s+by\s+(?:the\s+)?$", IGNORE_CASE)
SPEECH_VERB = re.compile(
    r"\b(?P<verb>said|says|say|stated|states|announced"
    r"|announces|added|adds|noted|notes|stressed|stresses|insisted|insists|claimed|argued|argues|declared"
    r"|declares|asserted|asserts|maintained|maintains|wrote|writes|posted|tweeted|replied|replies|explained"
    r"|explains|suggested|suggests|warned|warns|acknowledged|acknowledges|reiterated|reiterates|emphasi[sz]ed"
    r"|underlined|indicated|recalled|conceded|revealed|disclosed|told|tells|informed|informs|confirmed"
    r"|confirms|clarified|clarifies|reported|claims|saying|adding|stressing|underlining|noting|insisting|arguing|explaining"
    # the verbs of minutes, letters and cables
    r"|advised|advises|conveyed|conveys|reaffirmed|reaffirms|assured|assures|affirmed|affirms|concluded"
    r"|concludes)\b",
    IGNORE_CASE,
)
AUXILIARIES_BEFORE = re.compile(r"\b(?:(?:has|have|had|also|later|previously|earlier)\s+)+$", IGNORE_CASE)
OBJECT_VERBS = frozenset({"told", "tells", "informed", "informs", "advised", "advises", "assured", "assures"})
THAT_ONLY_VERBS = frozenset({"confirmed", "confirms", "reported", "conveyed", "conveys"})
SPEECH_TAIL = re.compile(
    r"\s*(?:(?:on|in|at|to|during|after|before|late|earlier|later|last|this|from|of|via|through"
    r"|when)\b(?:(?!\b(?:would|will|had|has|have|is|are|was|were)\b)[^,;])*)?"  # not "on Tuesday it would"
    r"\s*(?:[.!]?[\"”’']?\s*$|,)",
    IGNORE_CASE,
)
ACCORDING_TO = re.compile(r"\baccording to\s+", IGNORE_CASE)
DENIAL = re.compile(
    r"\b(?P<verb>denied|denies|deny|denying|dismissed|dismisses|rejected|rejects|refuted|refutes|disputed"
    r"|disputes|rebuffed|played down|brushed aside)"
    # a time or manner between the verb and what it denies: "denied on Tuesday a report", "flatly denied"
    r"(?:\s+(?:on\s+(?-i:[A-Z])\w+day|yesterday|today|again|flatly|categorically|firmly|strongly|publicly"
    r"|emphatically|swiftly|quickly))?"
    r"\s+(?:(?:that|having)\b"
    r"|(?:as\s+(?:\w+\s+){1,3}?)?(?:the\s+"
    r"|a\s+|an\s+"
    r"|any\s+|such\s+)?(?:[\w'’-]+\s+){0,2}?(?:reports?|claims?|suggestions?|remarks?|statements?"
    r"|assertions?|allegations?|speculation|rumou?rs?|comments?|accounts?|idea|notion|posts?|messages?"
    r"|videos?|stor(?:y|ies)|articles?|headlines?|tweets?)\b"
    r"|(?=(?:any\s+)?(?:[\w'’-]+\s+)?(?:troops?|soldiers?|forces|peacekeepers|deployment)\b)"  # headlines
    # round 12: a clause with "that" left out ("denies it has agreed to send", "denied it had offered")
    r"|(?=(?:it|they)\s+(?:had|has|have|was|were|is|are|ever)\b))",
    IGNORE_CASE,
)
_FALSE = (
    r"[\"'‘“]?(?:(?:pure|sheer|complete|total|utter|a)\s+)?(?:false|wrong|untrue|baseless|premature|inaccurate"
    r"|unfounded|incorrect|mistaken|fake|fabricated|invented|not true|groundless|misleading|invention|fiction"
    r"|fabrication|fantasy|nonsense|speculation)\b"
)
FALSE_AFTER = re.compile(r"\W{0,3}(?:and|or)\s+" + _FALSE, IGNORE_CASE)  # "premature and wrong": false
FALSE_PREDICATE = re.compile(
    r"\b(?:reports?|claims?|statements?|suggestions?|remarks?|allegations?|assertions?|rumou?rs?|accounts?"
    r"|posts?|messages?|videos?|stor(?:y|ies)|articles?|headlines?|tweets?)\b"
    r"(?P<content>[^;]{0,160}?)\b(?:(?:was|were|is|are|had been|has been)\s+(?:\w+\s+){0,2}?(?:"
    + _FALSE
    + r"|(?:rejected|dismissed|denied|refuted|rebuffed|disputed)\b)"
    r"|(?:does|do|did) not correspond to (?:the )?(?:reality|facts|truth)\b)",
    IGNORE_CASE,
)
# round 13: a trailing apposition denying what the sentence reported: "..., an account Islamabad rejected
# within the hour", "..., a claim Tokyo called 'groundless'", "..., which Chad's minister called a lie"
TRAILING_DENIAL = re.compile(
    r",\s+(?:(?:an?|the)\s+(?:claim|account|report|pledge|assertion|statement|story|offer)|which)\s+"
    r"(?P<np>[^,;]{2,60}?)\s+(?:(?:quickly|promptly|swiftly|immediately|later|flatly|firmly)\s+)?"
    r"(?<!nor )(?<!not )(?:rejected|denied|dismissed|refuted|(?:called|described as|termed|branded)\s+"
    + _FALSE
    + r"|said (?:it|they) had never made)",
    IGNORE_CASE,
)
CALLED_FALSE = re.compile(  # "the ministry called the reports of a deployment groundless"
    r"\b(?:called|calls|call|described|describes|termed|branded|dismissed)\s+(?:the\s+|such\s+|these\s+)?"
    r"(?:reports?|claims?|statements?|suggestions?|remarks?|allegations?)\b[^;]{0,160}?\s(?:as\s+)?" + _FALSE,
    IGNORE_CASE,
)
EMBED_NOUN = re.compile(
    r"(?:'s|’s)\s+(?:\w+\s+)?(?:remarks?|suggestions?|claims?|assertions?|statements?|comments?|announcement"
    r"|insistence|boast)\s+that\b",
    IGNORE_CASE,
)
CLAIM_BY = re.compile(
    r"\b(?:claims?|remarks?|suggestions?|statements?|assertions?) by\s+(?P<np>[^,;]{2,80}?)\s+that\b",
    IGNORE_CASE,
)

NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|never|no longer|cannot)\b|n't|\bno\b)\s*(?:[\w'’-]+\s+){0,3}$"
    r"|\b(?:neither|nor)\b\s*(?:[\w'’-]+\s+){0,4}$",
    IGNORE_CASE,
)
NOT_ONE = re.compile(r"\b(?:not (?:a single|one)|no|none of)\b\s+(?:[\w'’-]+\s+){0,4}$", IGNORE_CASE)
# inside an agreement's cue: "will not send", "send no troops" (but "has no objection to" is consent)
NEGATION_INSIDE = re.compile(
    r"\b(?:not|never|no longer|neither|no part)\b|n't|\bwo\b|\b(?:no|zero)\s+(?:[\w'’-]+\s+)?"
    + PART_NOUN
    + r"\b",
    IGNORE_CASE,
)
REFUSAL_GAP = re.compile(
    r"\b(?:refrain|refus\w*|declin\w*|reject\w*|avoid\w*|hesitat\w*|stay out|back out|rule out|ruled out"
    r"|stop|stops|stopped|cease[sd]?|halt(?:s|ed)?|discontinue[sd]?)\b",
    IGNORE_CASE,
)
STILL_OPEN = re.compile(r"\b(?:yet|so far|formally|officially|still)\b", IGNORE_CASE)
PROBABLY = re.compile(
    r"\b(?:probably|likely|possibly|perhaps)\b", IGNORE_CASE
)  # "will probably join": a forecast
REQUESTED_BEFORE = re.compile(  # "had not been asked to send troops": the request, not a stance
    r"\b(?:asked|invited|requested|approached|urged|called on|requests?)\s+(?:to\s+(?:\w+\s+){0,3})?$",
    IGNORE_CASE,
)
REQUEST_INSIDE = re.compile(r"\b(?:asked|invited|urged|requested|called on|pressed)\b", IGNORE_CASE)
MAYBE_BEFORE = re.compile(r"\b" + MAYBE + r"\s+(?:[\w'’-]+\s+){0,2}$", IGNORE_CASE)
HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|apparently|is said to|are said to|was said to|were said to|appears? to"
    r"|rumou?red|purportedly|understood to|believed to)\b",
    IGNORE_CASE,
)
CONDITION_AFTER = re.compile(
    r"^(?:(?:[^,;]|(?<=\d),(?=\d{3}))*?\b|(?:[^,;]|(?<=\d),(?=\d{3}))*?,\s*(?:but\s+)?)"
    r"(?P<cond>only if|if|unless|provided(?: that)?|but (?:would|will) wait"
    r"|as long as(?! (?:\w+ ){0,2}(?:needed|necessary|required|it takes|exists|lasts|continues|runs))"
    r"|so long as(?! (?:\w+ ){0,2}(?:needed|necessary|required))|on condition|conditional (?:on|upon)"
    r"|subject to|only (?:with|under|after|once|when|in)|until|before|once"
    r"|without (?:a|an|the|prior|[\w-]+['’]s)"
    r"|depend(?:s|ing)? (?:on|upon)|(?<!its )(?<!their )(?<!the )(?<!a )contingent (?:on|upon)|but only"
    r"|as soon as|pending|in the event"
    r"|(?:the day |for )?after (?:a |the )?(?:ceasefire|truce|war|peace (?:deal|agreement))"
    r"|from the (?:first )?day of (?:a |the )?(?:ceasefire|truce|peace)"
    r"|should (?:the|it|they|there|a|an|[A-Z]\w*\s+(?:request|ask|decide))"
    # round 18 (z14-z17): an event to come that the commitment waits for ("will deploy its engineers upon
    # the opening of the crossing", "upon receipt of a formal request", "the moment the Secretary-General
    # asks us", "on the understanding that ...")
    r"|(?:only )?(?:upon|on) (?:the |a |an )?(?:adoption|completion|receipt|request|conclusion|opening"
    r"|approval|signing|signature|establishment|authori[sz]ation|ratification|invitation|entry into force)"
    r"|upon (?:the |a |an )?(?:[\w'’-]+ ){0,2}?(?:resolution|mandate|decision|ceasefire|request)"
    r"|the moment|on the understanding that|only at the request)\b",
    IGNORE_CASE,
)

# the heading of an official document names who speaks in it: "Statement of the Ministry of Defence of
# Georgia (translated): ...", "Letter dated 3 May from the Minister for Foreign Affairs of X to the
# Secretary-General: ...", "Spokesperson, Ministry of External Affairs (New Delhi): ...", "Translation of
# the Kazakh defence ministry's statement: ..."
_DOCUMENT = (
    r"(?:statement|communiqu[ée](?: final)?|press release|information|letter|note verbale|note|message"
    r"|reply|answer|written answer|declaration|announcement|decree|dispatch|notice)"
)
DOCUMENT_HEADER = re.compile(
    r"^\W*(?:(?:(?:unofficial |official )?(?:translation|summary|extract|excerpt|text) of (?:an? |the )?)?"
    + _DOCUMENT
    + r"(?: \([^)]{1,40}\))?(?: dated [\w ,]{1,30}?)? (?:of|from|by) (?P<np>(?:the )?[A-Z][^:()]{2,90}?)"
    r"|(?:(?:unofficial )?(?:translation|summary|extract|excerpt) of )?"
    r"(?P<owner>(?:the )?[A-Z][^:()']{2,60}?)[’']s? "
    + _DOCUMENT
    + r"|(?P<role>(?:(?:the )?(?:chief |deputy )?(?:spokes(?:person|man|woman)|press (?:officer|secretary)))"
    r"(?:,| of| for) (?:the )?[A-Z][^:(,]{2,80}?))"
    r"(?: to (?:the )?[A-Z][^:()]{2,60}?)?(?:,[^:]{0,40})?(?: \([^)]{1,40}\))?\s*:\s",
    IGNORE_CASE,
)
# a spoken register's heading names who speaks in the quotation after it (round 8): "Samoan PM on TV1:
# '...'", "The defence minister, in a radio interview: '...'", "Foreign ministry spokesman, regular briefing
# (transcript): '...'"; the speaker must carry a role word or a name (`frames.quote_header`)
QUOTE_HEADER = re.compile(
    r"^\W*(?P<np>(?:the |an? )?(?-i:[A-Z])(?:[^:'\"“‘’”,()]|(?<=\w)['’]s\b){1,70}?)"
    r"(?:,\s*[^:'\"“‘’”]{2,70}?|\s+(?:on|in|at|to|during|via|speaking (?:on|to|at)|interviewed (?:by|on))"
    r"\s+[^:'\"“‘’”]{2,70}?)\s*:\s*(?=['\"“‘])",
    IGNORE_CASE,
)
# an organ of a state named in official style ("of" the state) that acts in its own sentence speaks for it:
# "The Council of Ministers of Chad, meeting on Thursday, approved ...", "The Government of Belize has
# decided ..."; news style ("The Irish government has approved") keeps the narrator
ORGAN_SUBJECT = re.compile(
    r"^\W*(?P<np>(?:the )?(?:council of ministers|federal council|government|cabinet"
    r"|ministry(?: of [\w ]{3,30}?)?|presidency|parliament|national assembly|national council|senate|congress"
    r"|storting|riksdag|seimas|sejm|bundestag|permanent mission|embassy|delegation)"
    r" of (?:the )?(?-i:[A-Z])[\w'’ -]{2,40}?(?: to the (?-i:[A-Z])[\w ]{2,40}?)?)"
    r"(?=\s*,|\s+(?:has|have|had|is|are|was|were|will|would|shall|gave|took|(?-i:[a-z]+(?:ed|es|s)))\b)",
    IGNORE_CASE,
)
