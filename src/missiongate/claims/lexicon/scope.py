"""Scope of the claims lexicon: what qualifies, disputes or suppresses a claim (conditions, questions,
relative clauses, history, background, caveats) and the boundaries a subject is looked for within."""

from __future__ import annotations

import re

from missiongate.claims.lexicon.words import IGNORE_CASE, PART_NOUN, PART_VERB

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
    IGNORE_CASE,
)
# Beside the cue, these say the claim is disputed, counterfactual or background: reported, never rebutted
DISPUTED = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|refut\w*|retract\w*|clarif\w*|correct(?:ed|ion)|walked back|false|untrue"
    r"|fabricat\w*|baseless|groundless|unfounded|inaccurate|not true|misleading|invent(?:ed|ion)|fiction"
    r"|fantasy|nonsense|premature)\b",
    IGNORE_CASE,
)
COUNTERFACTUAL = re.compile(
    r"^\W*(?:had|were|should)\s|\b(?:would|could|might) (?:already|have)\b", IGNORE_CASE
)
# a past season or month beside a past exit: "pulled out of Goma in the spring" (background, maybe ended)
PAST_TIME = re.compile(
    r"\b(?:in the (?:spring|summer|autumn|fall|winter)|last (?:year|spring|summer|autumn|winter)"
    r"|earlier this year|in (?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December))\b",
    IGNORE_CASE,
)
OLD_YEAR = re.compile(r"\b(?:in|of|by)\s+(?:19\d\d|20[01]\d|202[0-5])\b", IGNORE_CASE)
CONDITION_BEFORE = re.compile(r"^\W*(?:until|unless|only if|if|provided|once)\b", IGNORE_CASE)
CONDITIONAL_NOUN = re.compile(
    r"\bconditional (?:on|upon)\b|\bdepend(?:s|ing)? (?:on|upon)\b|\b(?:would|will) (?:require|need)\b",
    IGNORE_CASE,
)

QUESTION_CLAUSE = re.compile(r"\b(?:whether|if)\b[^,;:]*", IGNORE_CASE)
INVERTED_CONDITION = re.compile(r"^\W*(?:should|were|had)\s[^,]*,", IGNORE_CASE)
LEADING_CONDITION = re.compile(r"^\W*(?:until|unless|if|even if|only if|once)\b[^,]*,", IGNORE_CASE)
RELATIVE = re.compile(
    r",\s+(?:(?:to|in|of|with|for|from|under)\s+)?(?:which|who|whom|whose)\b[^,;]*(?:,|$)", IGNORE_CASE
)
APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s[^,;]{0,80},")
WISH_BEFORE = re.compile(
    r"\b(?:hope[sd]?|hoping|wants?|wanted|wish(?:es|ed)?|urg(?:e|es|ed|ing)|press(?:es|ed|ing)|push(?:es|ed"
    r"|ing)|call(?:s|ed)? on|ask(?:s|ed)?|invit(?:e|es|ed)|would like|encourag(?:e|es|ed)"
    r"|told|tell|allow(?:s|ed)?|permit(?:s|ted)?|persuad(?:e|es|ed)|convinc(?:e|es|ed)|pressur(?:e|es|ed))"
    r"\s+(?:that\s+)?$",
    IGNORE_CASE,
)
PAST_DEPLOY = re.compile(
    r"(?:sent|deployed|dispatched|served|took part|participated|contributed|joined|led|started|began|left"
    r"|withdrew|withdrawn|pulled|recalled|went|flew|flown|arrived|landed|(?:were|was) part"
    r"|(?:have|has|had) been part)\b",
    IGNORE_CASE,
)
# After a cue that ends in "to"/"of" ("no intention of"), what is refused must be taking part
REFUSED_OBJECT = re.compile(
    r"\s+(?:(?:any|the|a|an|its|their|our)\s+)?(?:(?!\w+ing\b)[\w-]+\s+){0,2}?(?:"
    + PART_VERB
    + "|"
    + PART_NOUN
    + r"|mission|force|operation|participat\w*|contribut\w*|deploy\w*)\b",
    IGNORE_CASE,
)
DANGLING = re.compile(r"\b(?:to|of|for|from|in)$", IGNORE_CASE)
# A refusal limited to combat or enforcement is a national caveat, not a refusal to take part (domain A1/A2)
CAVEAT = re.compile(
    r"\b(?:combat|peace enforcement|enforcement|offensive|fight\w*|front ?lines?|disarm\w*)\b", IGNORE_CASE
)
RETRACTION = re.compile(
    r"\bneither\s+confirm\w*\s+nor\s+den\w*\s+(?:that|whether|reports?)\b.*|"
    r"\b(?:retract(?:ed|s|ing)?|withdrew|corrected)\s+(?:its|their|the|a|an)?\s*(?:\w+\s+)?(?:report|claim"
    r"|story|statement|article)s?\s+that\b.*"
    r"|\b(?:report|claim|story|article)s?\b[^;:]{0,40}?\bthat\b[^;:]*?\b(?:was|were|has been|had been)\s+"
    r"(?:later\s+|quickly\s+|swiftly\s+)?(?:retracted|withdrawn|corrected)\b[^;:]*"
    r"|\b(?:wrongly|incorrectly|erroneously|mistakenly|falsely)\s+(?:said|stated|reported|claimed|suggested"
    r"|described|identified)\b[^;:]*"  # a correction: "an earlier version wrongly said Paraguay had ..."
    # round 18 (z15-z18): what an earlier version said is the error the correction retracts, even unqualified
    # ("CORRECTION: An earlier version of this story said Uganda had agreed to send ...")
    r"|\b(?:an?|the)\s+(?:earlier|previous|original|first)\s+(?:version|edition|draft)\s+(?:of\s+(?:this|the)\s+"
    r"(?:\w+\s+)?(?:story|article|brief|report|dispatch|item|piece|post|bulletin)\s+)?(?:said|stated|reported"
    r"|suggested|claimed|described|identified|misstated)\b[^;:]*",
    IGNORE_CASE,
)
POSSESSOR_OBJECT = re.compile(
    r"\b(?:reject(?:s|ed)?|oppos(?:e|es|ed)|objected to|block(?:s|ed)?|veto(?:es|ed)?|welcom(?:e|es"
    r"|ed)|sought"
    r"|seeks|request(?:s|ed)?|would welcome|criticis(?:e|es|ed)|criticiz(?:e|es|ed))\s+$",
    IGNORE_CASE,
)
PAST_YEAR = re.compile(r"\b(?:in|since|from)\s+(?:19|20)\d\d\b", IGNORE_CASE)
PAST_MARKER = re.compile(r"\bago\b|\bin the past\b|\bpreviously\b|\bformerly\b|\bfor decades\b", IGNORE_CASE)
HISTORY = re.compile(r"\b(?:19|20)\d\d\b|" + PAST_MARKER.pattern, IGNORE_CASE)
# what is sent when it is not a contingent: "will send a delegation", "send a questionnaire"
NOT_FORCES = re.compile(
    r"\s+(?:(?:a|an|the|its|their|his|her|our)\s+)?(?:(?!(?:nor|and|or|but)\b)\w+\s+){0,3}?(?:delegations?|envoys?"
    r"|aid|message|letters?"
    r"|humanitarian|ministers?|representatives?|signals?|condolences|invitations?|notes?|reply|response"
    r"|answers?|questionnaires?|questions|requests?|observers? to the talks|money|funds?|food|medicine"
    r"|logistic\w*|hubs?|equipment|weapons|arms|ammunition|funding|financing|airspace|intelligence|gas|oil"
    r"|fuel|grain|wheat|electricity|loans?|credits?|vaccines|(?:medical |relief )?supplies|cargo|tents)\b",
    IGNORE_CASE,
)
# A country's forces named as background, not as taking a stance (round 4): what they number or make up
# ("make up the bulk of", "remain the largest", "account for a third"), harm they suffered ("two soldiers
# serving with the force were killed"), presence since a year ("have served in Kosovo since 1999").
BACKGROUND_PREDICATE = re.compile(
    r"(?:(?:\w+\s+){0,2}?(?:make up|made up|account(?:s|ed)? for|number(?:s|ed)?"
    r"|form(?:s|ed)? (?:the|a) (?:bulk|backbone|core|majority)"
    r"|(?:remain|are|is|were|was)(?:s|ed)? (?:the|among|one of|a fixture)\b))",
    IGNORE_CASE,
)
# a standing among contributors is background: "remain the largest contributors", "has always been among"
STANDING_BEFORE = re.compile(
    r"\b(?:remains?|remained|is|are|was|were|been)\s+(?:always\s+)?(?:among\s+|one of\s+)?(?:the\s+)?$",
    IGNORE_CASE,
)
# what a contribution cost or how it was run, in audits and estimates: an account, not a decision
ACCOUNTS_AFTER = re.compile(
    r"\s+(?:to|in|with|for)\s+[^,;]{0,60}?\s(?:cost|costs|was administered|were administered|was audited"
    r"|amounted to|totall?ed)\b",
    IGNORE_CASE,
)
# a deployment told as over: "the frigate's 2024 deployment to the Red Sea ended early"
ENDED_AFTER = re.compile(
    r"\s+(?:to|in|with)\s+[^;]{0,100}?\s(?:ended|was completed|came to an end|dates from|dating from)\b",
    IGNORE_CASE,
)
# a legislature's vote still to come: a cabinet decision waiting for it is no decision yet
VOTE_PENDING = re.compile(
    r"\b(?:parliament|assembly|national council|council of states|committee|senate|congress|storting|riksdag"
    r"|sejm|seimas|bundestag|chamber|house|deputies|lawmakers|legislature)\s+(?:votes|will vote|is to vote"
    r"|is due to vote|will report|will debate|will decide)\b"
    # "... on standby, though Cabinet has yet to sign the order": the decision is still to be taken
    r"|(?<!['’]s )\b(?:cabinet|parliament|government|president|council|congress|senate)\s+(?:has|have)"
    r"\s+yet\s+to\s+(?:sign|approve|decide|vote|endorse|ratify)\b"
    # "...; the vote is scheduled for Wednesday", "with the Assembly's approval expected next week"
    r"|\bvote is (?:scheduled|due|expected)\b|\bapproval (?:is )?expected\b",
    IGNORE_CASE,
)
# a refusal of one role beside another left open: "will not send combat troops, but could send engineers",
# "though both say they could contribute medical units", "but is studying a role for its engineers"; helping
# ("but may help with training outside the country") is no role in the operation
OTHER_ROLE_OPEN = re.compile(
    r"[^.;]*?\b(?:but|though|although|yet)\b[^.;]*?\b(?:could|may|might|is studying|are studying"
    r"|is considering|are considering)\s+(?:still\s+)?(?:send|contribut|provid|second|offer|a role)",
    IGNORE_CASE,
)
# a request acknowledged and an answer still to come: "has taken note of the invitation ... and will revert"
REPLY_PENDING = re.compile(
    r"\bta(?:ken|kes|ke|king) note['’]? of (?:the )?(?:[\w-]+\s+){0,3}?(?:request|invitation|inquiry)"
    r"|^[^,;]*\band (?:will|would|shall) (?:revert|reply)\b",
    IGNORE_CASE,
)
# a vote or decision still to come on the act the cue names: "Senate to vote on authorising troops",
# "Council of Ministers to decide on a Senegalese contribution"
VOTE_ON_BEFORE = re.compile(
    r"\b(?:vot(?:e|es|ing)|decid(?:e|es|ing)|debat(?:e|es|ing)|rul(?:e|es|ing)) on\s+(?:(?:a|an|the)\s+)?"
    r"(?:[\w-]+\s+){0,2}$"
    # the act is what a motion or bill proposes, and nothing says it passed: "referred to committee a motion
    # to send two police officers", "tabled a bill authorising the deployment"
    r"|^(?!.*\b(?:passed|adopted|approved|carried|endorsed|backed|voted (?:for|through|in favour of))\b)"
    r".*\b(?:motion|bill|draft (?:law|decree|resolution)|legislative proposal)\s+"
    r"(?:(?:that|which) would\s+)?(?:(?:to|allowing|authori[sz]ing|on)\s+)?$",
    IGNORE_CASE,
)
HARM = re.compile(
    r"\b(?:killed|wounded|injured|died|dead|hurt|ambushed|came under (?:fire|attack)|struck a mine"
    r"|kidnapped|abducted|casualt(?:y|ies)|mourn\w*|funeral"
    r"|lost (?:\w+ )?(?:soldiers|troops|peacekeepers|men))\b",
    IGNORE_CASE,
)
SINCE_YEAR = re.compile(
    r"\b(?:since|from)\s+(?:19|20)\d\d\b|\bfor (?:years|decades|two decades)\b", IGNORE_CASE
)
# aid carried by a ship or a plane is not a contingent: "sent a ship carrying flour and medicine"
AID_CARGO = re.compile(
    r"\s+(?:\S+\s+){0,4}?(?:carrying|loaded with|laden with|of|with)\s+(?:[\w,]+\s+){0,5}?(?:aid|food|flour"
    r"|medicines?|medical supplies|tents|blankets|relief|supplies|humanitarian|water|rice|wheat)\b",
    IGNORE_CASE,
)
# the operation is another one: "have sent staff officers to other operations"
OTHER_OPERATIONS = re.compile(
    r"\s+[^,;.]{0,60}?\b(?:to|in|with)\s+other\s+(?:\w+\s+)?(?:operations|missions)\b", IGNORE_CASE
)
# silence is no stance: "have said nothing about contributing"
SILENT_BEFORE = re.compile(
    r"\b(?:said|says|say) nothing (?:about|on)\s+$|\bsilent (?:about|on)\s+$", IGNORE_CASE
)
# others' plural subjects are not the speaker's country: "ten countries had confirmed they would send"
OTHERS_SUBJECT = re.compile(
    r"\b(?:countries|governments|nations|states|partners|allies|contributors|members|capitals)\b", IGNORE_CASE
)
# a contribution the country is still discussing: "Vilnius was still discussing its contribution"
WEIGHING_NOUN_BEFORE = re.compile(
    r"\b(?:consider\w*|study\w*|weigh\w*|discuss\w*|examin\w*|review\w*|debat\w*|assess\w*)\s+"
    r"(?:its|their|a|any|the|his country's|her country's)\s+(?:\w+\s+)?$",
    IGNORE_CASE,
)
# a noun that is the topic of a hearing or debate, not a stance: "a hearing on its peacekeeping commitments"
TOPIC_BEFORE = re.compile(
    r"\b(?:hearing|debate|inquiry|report|review|questions?|briefing|discussion|study)\s+(?:\w+\s+){0,3}?"
    r"(?:on|about|into|over|of)\s+[^,;]{0,40}$",
    IGNORE_CASE,
)
# a refusal beside the offer, after a contrast: "..., but none would be deployed with the force"
CONTRAST_REFUSAL = re.compile(
    r"\b(?:but|while|though|although|however|whereas)\b[^;]{0,80}?\b(?:none|no\s+\w+|not|never)\b[^,;]{0,40}?"
    r"\b(?:be deployed|deploy|send|serve|take part|join|be sent|go)\b",
    IGNORE_CASE,
)
# between a country and the cue, the country acts on others' forces: "Israel would object to Turkish troops
# taking part", "Washington named Kazakhstan among the countries it hopes will contribute"
OPPOSED_BETWEEN = re.compile(
    r"\b(?:object(?:s|ed|ing)? to|oppos(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|veto(?:es|ed)?|block(?:s|ed)?"
    r"|resist(?:s|ed)?|hopes?|hoped|hoping|wants?|wanted)\b",
    IGNORE_CASE,
)
# a country named as the one who asks: "Washington's request for troops"
REQUESTER_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:\w+\s+)?(?:request|proposal|invitation|call|demand|appeal|plan for)\b", IGNORE_CASE
)
# "a plan to contribute a unit ... has been shelved": the plan's end is a refusal
PLAN_DROPPED = re.compile(
    r"[^,;]{0,80}?\b(?:has been|have been|was|were|had been|is being)\s+(?:\w+\s+)?(?:shelved|dropped"
    r"|scrapped|abandoned|cancell?ed|put on hold|suspended|frozen)\b",
    IGNORE_CASE,
)
PLAN_BEFORE = re.compile(r"\bplans?\s+(?:to|for)\s+$", IGNORE_CASE)
# a past exit listed as group membership: "were among the SADC states that pulled out of Goma"
AMONG_THAT = re.compile(
    r"\bamong\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:states|countries|nations|contributors|members|troops"
    r"|forces|contingents|soldiers|units)\s+"
    r"(?:that|which|who)\s+$",
    IGNORE_CASE,
)
# an exercise or a drill is no operation: "took part in a two-week field exercise"
EXERCISE = re.compile(
    r"\s+(?:in\s+|with\s+)?(?:\S+\s+){0,4}?(?:exercises?|drills?|manoeuvres|maneuvers|war games|parades?"
    r"|training courses?)\b",
    IGNORE_CASE,
)
# back home after a tour: "the frigate returned to Den Helder after a four-month tour"
TOUR_ENDED = re.compile(
    r"[^,;]{0,60}?\bafter (?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:tour|deployment|rotation)\b", IGNORE_CASE
)
# an offer taken back for review: "will 'revisit' its offer of police"
REVISIT_BEFORE = re.compile(r"\b(?:revisit|reconsider|re-?examine|review)\w*\s+(?:\w+\s+){0,2}$", IGNORE_CASE)
# a time, not a condition: "once the current AU phase ends"
PHASE_ENDS = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,6}?(?:ends|ended|expires|expired|is over|concludes|concluded|runs out)\b",
    IGNORE_CASE,
)
INDIRECT_QUESTION = re.compile(r"^\W*(?:how (?:long|many|much|far)|why|whether)\b", IGNORE_CASE)
WEIGHING = re.compile(
    r"\b(?:consider\w*|study\w*|weigh\w*|discuss\w*|examin\w*|review\w*|explor\w*)\b", IGNORE_CASE
)

HARD_BOUNDARY = re.compile(
    r";|:|\s[—–-]\s|\b(?:but|while|whereas|though|although|however)\b|[“”\"]|,\s+(?:and|citing|saying|adding"
    r"|stressing|noting)\b",
    IGNORE_CASE,
)
SOFT_BOUNDARY = re.compile(r"\b(?:that|which|who)\b", IGNORE_CASE)
PART_NOUN_BEFORE = re.compile(r"\b" + PART_NOUN + r"\s+(?:from|of)\s+(?:the\s+)?$", IGNORE_CASE)
# "the government of Bhutan has agreed": the state acts through its organs, it is not a prepositional object
ORGAN_OF_BEFORE = re.compile(
    r"\b(?:government|ministry|army|armed forces|navy|military|authorities|leadership|cabinet|parliament"
    r"|president|prime minister|(?:foreign|defen[cs]e) minister)\s+of\s+(?:the\s+)?$"
    # official prose names the organ, then the state by its style: "the Council of Ministers of the
    # Republic of Chad", "the Ministry of Defence of Japan", "the Permanent Mission of Fiji"
    r"|\b(?:council of ministers|federal council|council|presidency|government|ministry(?: of [\w ]{3,30}?)?"
    r"|department(?: of [\w ]{3,30}?)?|permanent mission|embassy|delegation|(?:permanent )?representative"
    r"|office|(?:foreign|defen[cs]e|interior) minister|minister(?: of| for) [\w ]{3,30}?|head of state"
    r"|chief of (?:the )?defen[cs]e(?: staff)?|defen[cs]e forces|national assembly|senate)"
    r"\s+of\s+(?:the\s+)?(?:(?:federal |islamic |united |democratic |plurinational )?(?:republic|kingdom"
    r"|state|sultanate|principality|grand duchy|commonwealth)\s+of\s+(?:the\s+)?)?$"
    r"|\b(?:(?:federal |islamic |united |democratic |plurinational |hashemite )?(?:republic|kingdom|sultanate"
    r"|principality|grand duchy|commonwealth)|state) of (?:the\s+)?$"
    r"|\b(?:officials|leadership|authorities|government|ministry)\s+in\s+$"
    r"|\b(?:last|rest|bulk|first|remainder|most|half|all|some|part) of (?:the\s+)?$"
    r"|\b(?:deployment|dispatch|sending|arrival|contribution|participation) of (?:(?:some|about|around|over"
    r"|nearly|up to) )?(?:[\d,]+\s+)?(?:more\s+)?$",
    IGNORE_CASE,
)
PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|into|to|toward|towards|with|at|on|across|inside|outside|near|against|between|throughout|about"
    r"|over|for|from|under|via|than|like|unlike|of|by|amid|after|before|around|beyond)\s+(?:the\s+)?"
    r"(?:(?:southern|northern|eastern|western|central|neighbouring|neighboring)\s+)?$",
    IGNORE_CASE,
)
COORDINATION = re.compile(
    r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as|nor)\s+)(?:the\s+)?$", IGNORE_CASE
)
# case-sensitive ("US" is no "us"), but a sentence may open with the pronoun ("They are already on their way")
ANAPHOR = re.compile(
    r"\b(?:(?P<first>[Ww]e|[Oo]ur|us|I|[Mm]y)|(?P<third>[Ii]t|[Tt]hey|[Ii]ts|[Tt]heir|[Tt]he country"
    r"|[Hh]is country|[Hh]er country|[Hh]is government|[Hh]er government|[Tt]he government|[Hh]is cabinet"
    r"|[Hh]er cabinet|[Tt]he cabinet))\b"
)
_ROLES = """president prime minister foreign defence defense interior external affairs ambassador envoy
spokesman spokeswoman spokesperson secretary chancellor king queen emir crown prince leader official officials
diplomat diplomats general commander chief army ministry office presidency government administration source
sources adviser advisor senator lawmaker deputy representative mediator negotiator head director cabinet state
minister's president's chancellor's parliament speaker military navy armed forces staff council pm aide
chairman chairwoman chair"""
ROLE_WORDS = frozenset(_ROLES.split())

# what a denial denies may be an exit ("denied that its officers would be withdrawn early"): it stays
DENIED_EXIT = re.compile(
    r"\b(?:withdr\w*|pull\w*\s+(?:\w+\s+){0,3}?out|leav(?:e|es|ing)|left|recall\w*|drawdown"
    r"|(?:come|coming|be|go|going|return\w*)\s+home)\b",
    IGNORE_CASE,
)
# the speaker's counterfactual: "If I were president, our police would be home": nobody decides anything
SPEAKER_COUNTERFACTUAL = re.compile(
    r"\bif (?:I|we) (?:were|was|had)\b|\b(?:were|had) (?:I|we)\b", IGNORE_CASE
)
# round 8, background: a force "serving" or "stationed" with no auxiliary modifies a noun ("officers serving
# with the Sinai force briefed ..."); a standing in a force; a figure "as of" a date; a deployment ended;
# money is no force ("offered to pay for the deployment of ...")
MODIFIER_PARTICIPLE = re.compile(r"(?:serving|stationed|based)", IGNORE_CASE)
AUX_BEFORE = re.compile(
    r"\b(?:is|are|was|were|am|be|been|being|still|now|already|currently|also|remain|remains)\s+$", IGNORE_CASE
)
PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?$", IGNORE_CASE)
STANDING_WORDS = re.compile(
    r"\b(?:largest|biggest|second-largest|third-largest|leading)\s+(?:single\s+)?(?:troop\s+)?(?:contributor"
    r"|contingent|provider)s?\b",
    IGNORE_CASE,
)
AS_OF = re.compile(r"\bas of\b", IGNORE_CASE)
ENDING_DEPLOYMENT = re.compile(
    r",\s+ending\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:deployment|mission|tour|presence)\b",
    IGNORE_CASE,
)
FUNDING = re.compile(r"\bto\s+(?:pay|fund|financ\w*|cover|bankroll|underwrit\w*)\b", IGNORE_CASE)
BECOMING = re.compile(r"\b(?:becom\w*|became|will|would|about to|set to|expected to)\b", IGNORE_CASE)
PAST_EXIT = re.compile(r"(?:withdrew|left|pulled|recalled|completed|ended|brought)\b", IGNORE_CASE)
CONTRAST = re.compile(r"\b(?:but|instead|however|though|although|while)\b", IGNORE_CASE)
# what a contribution set against a refusal offers: personnel takes part; training, money, facilities do not
PERSONNEL = re.compile(
    r"\b(?:officers?|team|staff|personnel|troops|soldiers|police|planners|engineers|medics|company|platoon"
    r"|battalion|unit|observers|monitors)\b",
    IGNORE_CASE,
)
NOT_PERSONNEL = re.compile(
    r"\b(?:train(?:s|ing|ed)?|fund\w*|financ\w*|pay\w*|hubs?|logistic\w*|aircraft|reconstruction)\b",
    IGNORE_CASE,
)
FINITE_AFTER = re.compile(
    r"\s+(?:has|have|had|is|are|was|were|will|would|shall|said|says|did|does|can|could|may|might|must)\b",
    IGNORE_CASE,
)
