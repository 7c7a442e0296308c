"""The PEMA task lexicon: phrases per task, cheap anchors that gate them, the activity verbs that set a
modality, and the modalities PEMA's codebook (and the modern labels) use per task."""

from __future__ import annotations

import re

from missiongate.analyzer.model import Structure
from missiongate.analyzer.scan import Led

_W = r"(?<![\w-])"  # word start that also refuses "non-" and "de-" prefixes


def _any(*alternatives: str) -> str:
    """One regex alternation, written one phrase per argument."""
    return "|".join(alternatives)


TASK_PATTERNS: dict[str, str] = {
    "DisarmDemob": _any(
        r"disarm\w*",
        r"demobili[sz]\w*",
        r"cantonment(?!\s+of\s+(?:heavy\s+)?weapons)",
        r"assembly\s+(?:areas|zones|points)",
        r"(?-i:DDR)",
        # "the laying down of weapons by the Front", "hand over their arms"
        r"(?:lay\w*|laid)\s+down\s+(?:of\s+)?(?:their\s+|its\s+)?(?:weapons|arms)",
        r"hand\w*\s+(?:over|in)\s+(?:of\s+)?(?:their\s+|its\s+)?(?:weapons|arms)",
        # "the disbandment of irregular militias and the handover of their weapons"
        r"handover\s+of\s+(?:their\s+|its\s+)?(?:weapons|arms)",
        r"disband\w*\s+(?:of\s+)?(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:militias|armed\s+groups|groups|patrols)\b",
        # "the reception of disengaged combatants", "persons who disengage from the movement", "weapons handed
        # over by ex-combatants"
        r"(?<!reintegration\sof\s)disengaged\s+(?:combatants|fighters|members)",
        r"(?:persons|fighters|combatants|members)\s+who\s+disengage\b",
        r"(?:weapons|arms)\s+(?:and\s+ammunition\s+)?handed\s+(?:over|in)\s+by",
    ),
    "Reintegration": _any(
        r"reintegrat\w*",
        r"reinsertion",
        r"resettlement\s+of\s+(?:ex-)?combatants",
        r"reincorporation",
        r"community\s+violence\s+reduction",
        r"(?-i:DDR)",
        # "the return of former combatants to civilian life"
        r"(?:former\s+|ex-)combatants\s+(?:\w+\s+){0,3}?to\s+(?:a\s+)?(?:peaceful\s+|productive\s+)?civilian\s+life",
    ),
    "ControlSALW": _any(
        r"small\s+arms",
        r"light\s+weapons",
        r"weapons\s+collection",
        r"collection\s+of\s+weapons",
        r"arms\s+caches",
        r"weapons-free",
        r"storage\s+of\s+(?:weapons|arms)",
        r"(?:weapons|arms)\s+and\s+(?:ammunitions?|munitions)",
        r"(?:weapons|arms|ammunition)\s+management",
        r"stockpile\s+management",
        r"(?:illicit|illegal)\s+(?:arms|weapons)\b",
        r"(?:trafficking|diversion)\s+(?:and\s+diversion\s+)?of\s+arms",
        # "the collection and destruction of surplus weapons", "collect and register arms"
        # (arms seized and disposed of under an embargo are the embargo's)
        r"(?:collection|destruction|disposal|registration|marking|(?:safe\s+)?storage)(?:\s+(?:and|or)\s+\w+)?\s+of\s+"
        r"(?:(?:all|the|surplus|illicit|illegal|excess|obsolete|unserviceable)\s+)?(?:weapons|arms|ammunition|stockpiles)\b",
        r"weapons\s+regist(?:er|ry|ries)",
        r"collect(?:s|ing)?\s+(?:(?:all|the|surplus|illicit|illegal)\s+)?(?:weapons|arms)\b",
        # "counter the proliferation of small arms" (not of weapons of mass destruction)
        r"proliferation\s+of\s+(?:conventional\s+)?(?:arms|weapons)\b(?!\s+of\s+mass)",
    ),
    "ArmsEmbargo": _any(
        r"(?:arms|weapons|military)\s+embargo",
        r"embargo\s+on\s+(?:(?:all\s+)?deliver\w*\s+of\s+)?(?:arms|weapons|deliveries)",
        # "arms flows in breach of the embargo imposed by the Council"
        r"(?:breach|breaches|violations?)\s+of\s+the\s+embargo",
        # "flows of arms and related materiel in violation of the measures imposed by resolution 2977"
        r"(?:arms|weapons|materiel)\s+(?:[\w-]+\s+){0,4}?in\s+(?:violation|breach)\s+of\s+the\s+measures\s+imposed",
    ),
    "CivProtect": _any(
        # "to protect, without prejudice to the responsibility of the authorities, civilians under threat"
        r"protect\w*(?:,[^,;]{1,120},)?\s+(?:of\s+)?(?:the\s+)?civilian\w*",
        r"civilian\s+population",
        r"civilian\s+protection",
        r"situation\s+of\s+civilians",
        r"protect\w*\s+(?:measures\s+)?(?:of|for)\s+(?:local\s+)?(?:communities|populations)",
        r"protect\w*\s+(?:of\s+)?the\s+(?:local\s+|civilian\s+)?population\b",
        # casualties among civilians; "civilian harm" tracked and addressed is the operation's own conduct
        r"civilian\s+(?:casualties|deaths)",
        r"safe\s+areas?",
        r"(?:safety|security)\s+of\s+(?:the\s+)?(?:civilian|population|inhabitants)",
        # "deter threats against civilians", "prevent attacks on the civilian population"
        # (not "armed groups that present an imminent threat to civilians": who they are, not a task)
        r"(?:threats|attacks|violence|abuses)\s+(?:\w+\s+){0,2}?(?:against|on)\s+(?:the\s+)?civilians",
    ),
    "HumanRights": _any(
        r"human\s+rights",
        r"fundamental\s+freedoms",
        r"freedoms?\s+of\s+(?:expression|opinion|assembly|association|religion|belief)",
        r"rights\s+of\s+(?:minorities|persons\s+belonging|indigenous|detainees|migrants|persons\s+with\s+disabilities)",
        r"(?:arbitrary|unlawful|illegal|prolonged|incommunicado)\s+detentions?",
        r"(?:arbitrarily|unlawfully|illegally)\s+detained",
        r"(?:conditions|situation)\s+of\s+(?:detention|detainees)",
    ),
    "ChildRights": _any(
        r"child(?:ren)?(?:['’]s)?\s+(?:rights|protection|soldiers)",
        r"rights\s+of\s+(?:the\s+)?child(?:ren)?\b",
        r"protection\s+of\s+children",
        r"children\s+in\s+armed",
        # "grave violations against children", "children affected by armed conflict"
        r"(?:violations|abuses)\s+(?:(?:and|or|committed)\s+)?(?:\w+\s+)?against\s+children",
        r"children\s+(?:affected\s+by|and)\s+armed\s+conflict",
        r"recruitment\s+(?:and\s+use\s+)?of\s+(?:children|minors)",
        r"children\s+from\s+(?:recruitment|being\s+recruited)",
        r"child\s+recruitment",
        r"children\s+(?:separated|released|rescued|escaped)\s+from",
        r"(?:release|separation)\s+of\s+children",
        r"children\s+(?:formerly\s+)?associated\s+with\s+armed",
        r"six\s+grave\s+violations",
    ),
    "SGBViolence": _any(
        # "sexual exploitation and abuse" by the operation's own personnel is conduct and discipline
        r"sexual\s+(?:and\s+gender-based\s+)?(?:violence|abuse)",
        r"gender-based\s+violence",
        r"rape",
        r"violence\s+against\s+women(?:\s+and\s+girls)?",
    ),
    # security sector reform is both MilitaryReform and PoliceReform (data/modern/README.md, UNIOGBIS)
    "PoliceReform": _any(
        r"(?<!border\s)police",
        r"gendarmerie",
        r"law\s+enforcement",
        r"internal\s+security\s+forces",
        r"security\s+sector\b",
        r"(?:reform|governance|transformation)\s+of\s+the\s+(?:national\s+)?security\s+sector",
        r"(?-i:SSR)",
        r"(?:national\s+)?security\s+(?:institutions|architecture)",
    ),
    "MilitaryReform": _any(
        r"(?:integration|restructuring|reform|training|formation)\s+of\s+(?:the\s+)?(?:new\s+)?(?:national\s+)?(?:armed|defence|security)\s+forces",
        r"security\s+sector\b",
        r"(?:reform|governance|transformation)\s+of\s+the\s+(?:national\s+)?security\s+sector",
        r"defen[cs]e\s+(?:sector\s+)?reform",
        r"professionali[sz]\w*\s+of\s+(?:the\s+)?(?:national\s+)?(?:armed|defence|security)\s+forces",
        # "the restructuring, downsizing and civilian oversight of the armed forces"
        r"(?:reform|restructuring|rightsizing|downsizing|professionali[sz]ation)(?:,?\s+(?:and\s+)?[\w-]+){1,4}?\s+of\s+"
        r"(?:the\s+)?(?:national\s+)?(?:armed|defen[cs]e)\s+forces",
        r"(?-i:SSR)",
        # "the restructuring of the Sarnian Armed Forces": a national name may come first
        r"(?:reform|restructuring|rebuilding|reconstitution|professionali[sz]ation)\s+of\s+the\s+"
        r"(?:national\s+|(?-i:[A-Z])[\w'’-]*\s+)?(?:army|armed\s+forces|military|defen[cs]e\s+(?:sector|forces|institutions))",
        r"military\s+justice",
        # "to mentor and train the Kelvarese army", "train, advise and mentor the armed forces", "support the
        # Armed Forces of Vestmark in capacity-building and training", "the army and police in building their
        # capacities"
        r"(?:train|mentor|advis|vet)\w*(?:,?\s+(?:and\s+)?(?:train|mentor|advis|equip|vet)\w*){0,3}\s+(?:the\s+)?"
        r"(?:national\s+|(?-i:[A-Z])[\w'’-]*\s+){0,2}(?:army|armed\s+forces|defen[cs]e\s+forces)\b",
        r"(?:army|armed\s+forces|defen[cs]e\s+forces)(?:\s+of\s+(?-i:[A-Z])[\w'’-]*)?(?:\s+and\s+(?:the\s+)?police)?\s+"
        r"(?:in|through|with)\s+(?:[\w-]+\s+){0,3}?(?:capacit\w*|capacity[- ]building|training|mentoring)",
        r"(?:training|unification)(?:\s+and\s+[\w-]+)?\s+of\s+the\s+national\s+forces",
        # "reform the armed forces into a professional army"
        r"(?:reform|restructur\w*|professionali[sz]e)\s+the\s+(?:national\s+)?(?:armed|defen[cs]e)\s+forces",
        r"new\s+(?:national\s+)?army",
        r"(?:national\s+)?security\s+(?:institutions|architecture)",
        # "the integration of former combatants into the national army"
        r"integrat\w*\s+(?:[\w'’-]+\s+){1,6}?into\s+the\s+(?:national\s+)?(?:(?:security|defen[cs]e)\s+and\s+)?"
        r"(?:army|armed\s+forces|defen[cs]e\s+forces|security\s+forces)",
        # "training, mentoring and advice to the national armed forces", "the vetting of the defence forces"
        r"(?:training|mentoring|advice|advising|vetting|capacity[- ]building)"
        r"(?:,?\s+(?:and\s+)?[\w-]+){0,3}\s+(?:to|of|for)\s+(?:the\s+)?(?:national\s+)?(?:armed|defen[cs]e)\s+forces",
    ),
    "Demil": _any(
        r"demilitari[sz]\w*",
        r"weapons-secure",
        r"heavy\s+weapons",
        # (not "its" own: the operation's drawdown)
        r"withdrawal\s+of\s+(?!its\b)(?:all\s+)?(?:the\s+)?(?:[\w'-]+\s+(?:or\s+[\w-]+\s+)?){0,3}?"
        r"(?:troops|forces|units|army|Army|personnel)\b",
        # forces moved back from a line or an area ("the mutual redeployment of forces from the city")
        r"mutual\s+redeployment\s+of\s+(?:[\w'-]+\s+){0,4}?(?:troops|forces)",
        r"redeployment\s+of\s+(?:all\s+|any\s+)?(?:the\s+)?(?:[\w'-]+\s+){0,4}?(?:troops|forces|units|army|personnel)"
        r"\b[^;]{0,80}?\bfrom\b",
        # "monitor the redeployment of forces of the parties": the parties' forces, not the operation's own
        r"redeployment\s+of\s+(?:all\s+|any\s+)?(?:the\s+)?(?:(?!its\b)(?-i:[a-z])[\w'’-]*\s+){0,3}?"
        r"(?:forces|troops)\b(?!\s+(?:of|from|to)\s+(?:the\s+)?(?:United\s+Nations|(?-i:[A-Z]{4,})))",
        r"separation\s+of\s+forces",
        r"disengagement",
        r"buffer\s+zones?",
        r"zones?\s+of\s+separation",
        # "the neutral strip", "the agreed ceilings on forces in the thinned-out zones"
        r"neutral\s+(?:strip|zone)",
        r"thinned-out\s+zones?",
        r"reduction\s+of\s+(?:the\s+)?(?:troops|forces)",
    ),
    # arrests and detention serve justice, not offensive operations
    "OffensOper": _any(
        r"offensive\s+operations",
        r"neutrali[sz]\w*\s+(?:and\s+\w+\s+)?(?:the\s+|all\s+)?(?:armed\s+(?:groups|elements)|those)",
        r"targeted\s+operations",
        r"(?:military\s+)?operations\s+against",
        # "conducting operations to disrupt and degrade armed groups"
        r"operations\s+to\s+(?:disrupt|degrade|dismantle|neutrali[sz]e)",
    ),
    "JusticeReform": _any(
        r"judicial",
        r"judiciary",
        r"justice\s+system",
        r"rule\s+of\s+law",
        r"legal\s+system",
        r"justice\s+(?:sector|institutions|chain)",
        r"access\s+to\s+justice",
        r"administration\s+of\s+justice",
        # "justice and corrections institutions", "police, justice and corrections"
        r"justice(?=\s+and\s+(?:corrections|security|prisons?|penitentiary|accountability)\b)",
        r"(?:national|military|mobile|domestic|civilian|ordinary)\s+courts?\b",
        # "the rehabilitation of courts and prisons"; prolonged pre-trial detention is the courts' backlog
        r"(?-i:courts)(?=\s+and\s+(?:prisons|tribunals)\b)",
        r"(?:rehabilitat|construct|function|strengthen|build)\w*\s+(?:of\s+)?(?:the\s+)?(?-i:courts)\b",
        r"pre-?trial\s+detention",
        # "support the judicial system to investigate and prosecute", "investigating and prosecuting crimes of
        # sexual violence": the criminal justice chain at work (transitional justice is named as such)
        r"investigat\w*(?:,\s+[\w-]+)*,?\s+and\s+prosecut\w*",
        # "fight impunity": the justice system's work (past atrocity crimes are TransJustice)
        r"(?:fight\w*|combat\w*|end\w*|tackl\w*)\s+(?:against\s+)?impunity",
    ),
    # past atrocity crimes and transitional justice; "fight impunity" alone is the justice system's work
    "TransJustice": _any(
        r"prosecut(?!ors?\b)\w*",
        r"war\s+crimes",
        # not a tribunal named by another function ("the Electoral Tribunal")
        r"(?<!electoral\s)(?<!administrative\s)(?<!constitutional\s)(?<!land\s)tribunal",
        r"(?:historical\s+)?clarification\s+commission",
        r"exhumations?",
        r"transitional\s+justice",
        r"truth\s+(?:and\s+reconciliation\s+)?commission",
        # "the truth, healing and reparations commission", "the Comprehensive System for Truth and Reparation"
        r"truth(?:,?\s+(?:and\s+)?[\w-]+){1,3}\s+commission",
        r"truth\s+and\s+reparations?",
        r"(?:special|mixed|hybrid)\s+(?:criminal\s+)?(?:court|tribunal|chambers?)",
        r"(?-i:SCC)\b",
        # "accountability for serious crimes", "crimes against humanity", "the International Criminal Court"
        # (not "crimes against peacekeepers": the safety of the operation's own personnel)
        r"accountability\s+for\s+(?:[\w-]+\s+){0,2}?crimes"
        r"(?!\s+(?:committed\s+)?against\s+(?:United\s+Nations\s+)?(?:peacekeepers|personnel))",
        r"crimes\s+against\s+humanity",
        r"genocide",
        r"atrocity\s+crimes",
        r"International\s+Criminal\s+Court",
    ),
    "CorrectionsReform": _any(
        r"prisons?\b",
        r"corrections?\b",
        r"correctional\b",
        r"penal\s+(?:system|programme|institution)",
        r"penitentiary",
        r"detention\s+(?:facilities|centres|centers|system)",
        # "improving security and conditions of detention in the prisons": the prisons' reform (monitoring
        # conditions of detention stays HumanRights)
        r"improv\w*\s+(?:[\w-]+\s+and\s+)?conditions\s+of\s+detention",
    ),
    "BorderControl": _any(
        r"borders?(?!ing)", r"frontiers?", r"boundar(?:y|ies)", r"border\s+checkpoints", r"cross-border"
    ),
    "Demining": _any(
        r"mine[- ]?clearance",
        r"mine[- ]?clearing",
        r"demining",
        r"de-mining",
        r"(?:removal|clearance|clearing)\s+of\s+(?:[\w-]+\s+)?mines",
        r"mine\s+awareness",
        r"land[- ]?mines",
        r"mine[- ]?fields?",
        r"explosive\s+(?:ordnance|hazards?|remnants\s+of\s+war)",
        r"unexploded\s+(?:ordnance|munitions|devices)",
        r"mine\s+action",
    ),
    "Resources": _any(
        r"natural\s+resources",
        r"(?:illegal|illicit)\s+exploitation",
        r"timber",
        r"diamonds",
        r"minerals",
        # "the management of hydrocarbon revenues", "the shared oil field", "its fisheries and forests"
        # ("fisheries protection" is maritime security)
        r"hydrocarbons?",
        r"oil\s+(?:fields?|revenues|resources|sector)",
        r"forestry",
        r"crude\s+oil",
        # "the exploitation of and trade in gold", "artisanal gold mining"
        r"(?:trade\s+in|exploitation\s+of(?:\s+and\s+trade\s+in)?|smuggling\s+of)\s+(?:gold|charcoal|coltan|cobalt)\b",
        r"(?:gold|artisanal)\s+mining",
        r"(?:management|exploitation|governance|use)\s+of\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+)?(?:fisheries|forests)\b",
    ),
    "StateAuthority": _any(
        r"(?:State|civil|government(?:al)?|public)\s+(?:authority|administration)",
        r"(?:local|provincial)\s+administrations?",
        r"authority\s+of\s+the\s+(?:State|Government|central\s+government)",
        r"re-?establishment\s+of\s+(?:national|regional|local)\s+(?:and\s+\w+\s+)?institutions",
        r"extension\s+of\s+(?:State\s+)?authority",
        r"administrative\s+structures",
        r"stabili[sz]ation\s+(?:efforts|support|activities|strateg(?:y|ies)|plans?|programmes?|process|priorities)",
        r"stabili[sz]ation(?=\s+and\s+(?:recovery|reconstruction|development|reconciliation)\b)",
        r"State\s+organs",
        r"(?:presence|extension)\s+of\s+(?:the\s+)?State\s+institutions",
        r"state-?building",
        r"decentrali[sz]ation",
        r"(?:strengthen\w*|build\w*|restor\w*|consolidat\w*|function\w*)\s+(?:of\s+)?(?:the\s+)?(?:State|public)\s+"
        r"institutions",
        r"local\s+governance",
        r"capacit\w+\s+of\s+(?:the\s+)?State\s+institutions",
        r"institution[- ]building",
        # "the return of civil servants to the regions"
        r"(?:return|redeployment|deployment)\s+of\s+(?:State\s+officials|civil\s+servants|civil\s+administration)",
        # "re-establishing its administration in the prefectures"
        r"(?:re-?establish|restor|extend|redeploy)\w*\s+(?:of\s+)?(?:its|their|the\s+State'?s?|State)\s+administration",
    ),
    "Democratization": _any(
        r"democrati[sz]ation",
        r"democratic\s+(?:institutions|governance|transition|process(?:es)?|order|principles)",
        r"(?:restoration|consolidation|promotion)\s+of\s+democracy",
        r"good\s+governance",
        r"constitutional\s+order",
        r"political\s+transition",
        r"democratic\s+(?:rule|space)",
        r"return\s+to\s+(?:constitutional|democratic)\s+(?:order|rule)",
        r"(?:national\s+|transitional\s+)?(?:parliament|legislature)\b",
    ),
    "ElectSec": _any(
        # "security arrangements for the elections", "provide security, in coordination with ..., for the
        # vote"
        r"(?:security|safety)(?:\s+(?:situation|arrangements|measures|plan)|,[^,;]{1,60},)?\s+(?:during|of|for|to)\s+[^.;]{0,80}?"
        r"(?:elections?|electoral\s+(?:process|period|cycle|operations|materials?|campaign)|polling\s+(?:stations|centres)"
        r"|candidates|(?:voter\s+)?registration\s+centres)",
        r"electoral\s+security",
        r"elections?\s+security",
        r"secure\s+(?:environment\s+)?for\s+(?:the\s+)?(?:elections?|electoral\s+process)",
        # "secure the electoral process": the verb before it sets who secures
        r"(?:(?<=secure\s)|(?<=securing\s))(?:the\s+)?(?:elections?|electoral\s+process|polling\s+(?:stations|centres)|vote)\b",
    ),
    "ElectAssist": _any(
        r"elections?",
        r"electoral",
        r"referendum",
        r"polling",
        r"polls\b",
        r"ballot",
        r"popular\s+consultation",
    ),
    "VoterEducation": _any(
        r"voter\s+education",
        r"civic\s+education",
        r"electoral\s+education",
        # the centres, sites and kits of registration are the vote's logistics, not voters' education
        r"voter\s+registration(?!\s+(?:centres|centers|sites|kits|materials?))",
        r"registration\s+of\s+(?:eligible\s+|new\s+)?voters",
        r"sensiti[sz]\w*\s+(?:of\s+)?(?:the\s+)?voters",
        r"voter\s+(?:sensiti[sz]ation|awareness)",
    ),
    "PolPartyAssist": _any(r"political\s+parties"),
    "CivilSociety": _any(
        r"civil\s+society",
        r"civic\s+space",
        # "national human rights institutions and non-governmental organizations" (not the humanitarian
        # organizations relief goes through)
        r"(?:national|local|domestic)\s+(?:[\w-]+\s+){0,4}?non-governmental\s+organi[sz]ations",
    ),
    "Media": _any(
        r"\bmedia\b", r"radio", r"broadcast\w*", r"free(?:dom\s+of\s+the)?\s+press", r"press\s+freedom"
    ),
    "PublicInfo": _any(
        r"public\s+information",
        r"information\s+(?:campaigns?|activities|programmes?)",
        r"broadcast\w*\s+(?:of\s+)?information",
        r"strategic\s+communications?",
        r"communications?\s+(?:efforts|plan|strategy|capacities)",
        r"raise\s+awareness\s+(?:and\s+understanding\s+)?(?:about|of|on)\s+its\s+mandate",
        r"(?:mis|dis)information",
        r"(?:public\s+outreach|outreach\s+(?:activities|campaigns?|efforts|programmes?))",
        r"disseminat\w*\s+(?:of\s+)?(?:accurate\s+|reliable\s+|timely\s+|factual\s+)?information",
        r"public\s+awareness",
        # "inform the public about the implementation of the Accord"
        r"inform\w*\s+the\s+(?:[\w-]+\s+)?(?:public|population)\b",
        # the operation's own radio ("operate its own radio service", "its radio station") and its explanation
        # of itself
        r"its\s+(?:own\s+)?radio(?:\s+(?:service|station|network))?",
        r"explain\w*\s+(?:its|the\s+(?-i:Mission|Force|Office|Operation)['’]s)\s+(?:role|mandate|presence|activities)",
    ),
    "PowerSharing": _any(
        r"power[- ]sharing",
        r"government\s+of\s+national\s+unity",
        r"broad-based\s+government",
        r"inclusive\s+government",
        # "the distribution of powers between the federal Government and the member states", "the allocation
        # of seats in the National Assembly and of ministerial posts"
        r"(?:distribution|division|sharing|allocation)\s+of\s+(?:(?:executive|legislative|political|State)\s+)?"
        r"(?:powers?|posts|seats|ministerial\s+posts|portfolios)\b",
    ),
    "Reconcil": _any(
        r"(?:national|political)\s+(?:and\s+[\w-]+\s+)?reconciliation",
        r"(?<!local\s)(?<!regional\s)reconciliation\s+process",
        r"(?:further\w*|promot\w*|advanc\w*|support\w*|foster\w*|facilitat\w*|strengthen\w*)\s+(?:national\s+)?reconciliation"
        r"(?!\s+(?:in|within)\s+(?:the\s+)?(?:local\s+|host\s+)?communities)",
        r"(?<!local\s)(?<!community\s)reconciliation\s+(?:efforts|initiatives)",
        r"social\s+cohesion",
        r"reconciliation(?=\s+and\s+peacebuilding)",
        r"national\s+dialogue",
        r"truth(?:,\s+justice)?\s+and\s+reconciliation",
        r"confidence[- ]building(?:\s+measures)?\s+between\s+the\s+parties",
        # reconciliation as such ("assist in the promotion of reconciliation", "peace and reconciliation");
        # local, community and regional reconciliation are other tasks, a commission's name is not a task
        r"(?<!local\s)(?<!regional\s)(?<!community\s)(?<!communal\s)(?<!level\s)reconciliation(?!\s+Commission)",
    ),
    "LocalReconcil": _any(
        r"local\s+reconciliation",
        r"inter-?communal",
        r"communal\s+(?:conflicts?|violence|tensions|clashes)",
        r"community\s+conflicts?",
        r"conflicts?\s+(?:between|among)\s+communities",
        r"local\s+peace\s+(?:initiatives|processes|committees|agreements)",
        r"community(?:-level)?\s+reconciliation",
        r"reconciliation\s+(?:in|within)\s+(?:the\s+)?(?:local\s+|host\s+)?communities",
        r"local\s+(?:mediation|conflict[-\s]resolution|conflicts?|disputes?|dialogue)",
        r"community\s+dialogue",
        r"peaceful\s+coexistence",
        r"mediation\s+efforts\s+at\s+(?:the\s+)?local\s+level",
        # "dialogue between pastoralist communities", "disputes between displaced and host communities"
        r"(?:mediat\w*|dialogue|tensions?|disputes?|violence|confidence[- ]building)\s+(?:between|among)\s+"
        r"(?:the\s+)?"
        r"(?:[\w-]+\s+){0,3}?communities",
        r"reduce\s+community\s+violence",
        r"inter-?community",
        r"land\s+(?:disputes?|conflicts?)",
        r"(?:farmers?|herders?|pastoralists?)\s+and\s+(?:farmers|herders|pastoralists)",
    ),
    "RegReconcil": _any(
        r"regional\s+reconciliation",
        r"good[-\s]neighbou?r(?:ly|liness)",
        r"relations\s+with\s+neighbouring",
        r"engagement\s+with\s+neighbouring\s+countries",
        r"regional\s+cooperation",
        r"regional\s+dialogue",
        r"(?:with|and)\s+its\s+(?:[\w-]+\s+)?neighbou?rs",
        # "the normalization of relations between Qorath and Ashvan", "cross-border dialogue",
        # "confidence-building between Kestrania and Ulvasi"
        r"normali[sz]\w*\s+(?:of\s+)?(?:the\s+|their\s+)?relations",
        r"cross-border\s+(?:dialogue|cooperation)",
        r"(?:confidence[- ]building|trust)\s+between\s+(?-i:[A-Z])[\w'’-]+\s+and\s+(?-i:[A-Z])[\w'’-]+",
        r"(?:with|and)\s+(?:the\s+)?neighbou?ring\s+(?:States|countries)",
        r"regional\s+(?:engagement|relations)",
        r"(?:bilateral\s+relations|relations\s+between\s+the\s+two\s+(?:countries|States))",
        # "confidence-building measures between the two Governments", "dialogue between the States of the
        # region"
        r"(?:dialogue|confidence[- ]building(?:\s+measures)?)\s+(?:between|among)\s+(?:the\s+)?(?:two\s+)?"
        r"(?:Governments|States|countries)\b",
    ),
    "EcDevelop": _any(
        r"econom(?:y|ic)\s+(?:rehabilitation|recovery|development|reconstruction)",
        r"rehabilitat\w*\s+[^.;]{0,60}?econom\w*",
        r"economic\s+and\s+social\s+development",
        r"reconstruction\s+programmes",
        r"(?:fight\w*\s+against|reduc\w*|eradicat\w*|alleviat\w*)\s+(?:extreme\s+)?poverty",
        r"poverty\s+(?:reduction|alleviation|eradication)",
        r"(?-i:sustainable\s+development)",  # not the "Sustainable Development Cooperation Framework"
        r"socio-?economic\s+(?:development|recovery)",
        r"(?:recovery|reconstruction)\s+and\s+development",
        r"economic\s+(?:reforms?|growth|governance|self-sufficiency|stabili[sz]ation)",
        r"early\s+recovery",
        r"livelihoods",
        r"job\s+creation",
        r"(?:reconstruction|rehabilitation)\s+of\s+(?:\w+\s+){0,2}infrastructure",
        # development aid and plans ("the mobilization of economic and development assistance"), not
        # "development partners" (whom the operation works with)
        # lower case: "the UN Development Programme", "the National Development Plan" are names
        r"(?-i:development\s+(?:assistance|aid|programmes?|plans?|strateg(?:y|ies)|projects|priorities|efforts|goals))",
        r"economic\s+assistance",
        r"(?:reconstruction|revitali[sz]ation|recovery)\s+of\s+the\s+(?:national\s+|local\s+)?economy",
        r"youth\s+employment|employment\s+(?:opportunities|generation|creation)",
        # "the revival of local markets and agriculture", "the revival of local economic activity"
        r"(?:revival|revitali[sz]ation|recovery)\s+of\s+(?:the\s+)?local\s+(?:markets|economies|economic\s+activity|agriculture)",
    ),
    "HumanRelief": _any(
        r"humanitarian\s+(?:and\s+(?:other|development)\s+)?(?:relief|assistance|aid|supplies|operations|activities|"
        r"agencies|convoys|efforts)",
        # the personnel it protects, not the actors it works with ("work with humanitarian actors to ...")
        r"humanitarian\s+(?:personnel|corridors?|pauses?)",
        r"relief\s+(?:operations|supplies|assistance|activities)",
        r"humanitarian\s+access",
        r"humanitarian\s+(?:response|action|needs|space|situation)",
        r"provision\s+of\s+relief",
    ),
    "PublicHealth": _any(
        r"public\s+health",
        r"HIV",
        r"AIDS",
        r"epidemic",
        r"cholera",
        r"Ebola",
        r"health\s+(?:care|services|systems?|sector|facilities)",
        r"(?:infectious|communicable)\s+diseases?",
        # "the national vaccination campaign against measles", "the response to the outbreak, including
        # contact tracing"
        r"vaccinations?",
        r"immuni[sz]ation",
        r"measles",
        r"polio",
        r"contact\s+tracing",
        r"health\s+(?:response|emergency|workers)",
        r"disease\s+surveillance",
        r"response\s+to\s+the\s+(?:[\w-]+\s+){0,3}?outbreak",
        r"ha?emorrhagic\s+fever",
    ),
    "RefugeeIDPs": _any(
        r"refugees?",
        r"displaced\s+persons",
        r"internally\s+displaced",
        r"displaced\s+(?:populations?|people|communities|families|households|civilians|residents)",
        r"(?:persons|people|families|communities|populations)\s+displaced\b",
        r"returnees",
        r"(?-i:IDPs?)\b",
        r"displacement\s+(?:sites|camps|settlements)",
        r"repatriation",
    ),
    # "a gender-sensitive programme", "take gender considerations into account throughout its mandate": how
    # the operation works (internal mainstreaming, not coded), not support to women
    "Gender": _any(
        r"(?<!mainstream\s)(?<!mainstreams\s)(?<!mainstreaming\s)gender"
        r"(?![- ](?:sensitive|responsive|perspectives?|lens|analysis|considerations|mainstreaming|parity)\b)",
        r"women",
    ),
    "LegalReform": _any(
        r"legislation",
        r"legal\s+framework",
        r"(?:legal|legislative|law)\s+reform",
        r"constitutional\s+reform",
        r"(?:new|draft|permanent)\s+constitution\b",
        r"constitution(?:al)?[- ](?:review|making|drafting)",
        r"constitutional\s+(?:process|dialogue)",
        r"(?:review|drafting|revision|reform)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+)?Constitution\b",
        r"electoral\s+law",
        r"(?:adoption|drafting|review|revision|enactment)\s+of\s+(?:(?:the|new|relevant|key|national)\s+)?(?:laws|legal\s+texts)\b",
        # "the Framework Law on Political Parties": a law, not the parties
        r"(?<!rule\sof\s)laws?\s+on\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?",
        r"reform\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}laws?\b",
        # "the revision of the penal code and of the code of criminal procedure" (not a code of conduct)
        r"(?:revision|review|reform|drafting|adoption|amendment)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?codes?\b"
        r"(?!\s+of\s+conduct)",
    ),
    "Ceasefire": _any(
        r"cease-?\s?fire",
        r"cessation\s+of\s+(?:all\s+)?(?:(?:armed\s+)?hostilities|(?:the\s+)?armed\s+conflict)",
        r"truce",
        r"armistice",
        r"resumption\s+of\s+(?:the\s+)?(?:hostilities|fighting)",
        r"de-?escalation",
    ),
    "PeaceProcess": _any(
        r"peace\s+(?:and\s+reconciliation\s+)?(?:process(?:es)?|agreements?|accords?|plan|settlement|talks|negotiations)",
        r"political\s+agreements?",
        # "implementation by the Government and FARC-EP of section 3.2 of the Final Agreement"
        # any named settlement ("the Comprehensive Settlement", "the Power-Sharing Accord"), also where the
        # parties' adherence or compliance is watched; not a status-of-forces agreement
        r"(?:implementation|adherence|compliance)\s+[^;]{0,80}?\b(?:of|to|with)\s+(?:the\s+)?"
        r"(?!(?-i:Forces|Mission)\b)(?-i:(?:[A-Z][\w-]*\s+){0,4}(?:Agreement|Accord|Settlement))\b",
        # "the National Reconciliation Charter" (not the Charter of the United Nations)
        r"(?:implementation|adherence|compliance)\s+[^;]{0,80}?\b(?:of|to|with)\s+the\s+(?-i:(?:[A-Z][\w-]*\s+){1,4}Charter)\b",
        r"implement\s+(?:\w+\s+){0,2}?the\s+(?-i:(?:[A-Z][\w-]*\s+){1,4}(?:Agreement|Accord|Settlement))\b",
        r"political\s+(?:settlement|process(?:es)?)",
        r"(?:implementation|compliance)\s+(?:\w+\s+){0,4}?(?:of|with)\s+all\s+(?:the\s+)?agreements\b",
        r"all\s+(?:the\s+)?agreements\s+(?:concluded|signed|reached)",
        r"good\s+offices",
        r"negotiations\s+(?:between|among)\s+the\s+parties",
        r"negotiation\s+process(?:es)?",
        r"(?:political|direct|proximity|inclusive|intra-[\w-]+)\s+(?:talks|negotiations)",
        r"political\s+road\s?map",
        r"(?:peaceful|negotiated|political)\s+(?:settlement|solution)",
        r"peace-?making",
        r"mediation",
        r"(?:political\s+)?dialogue",
    ),
    "CulturalHeritage": _any(
        r"cultural(?:\s+and\s+(?:historic(?:al)?|religious))?\s+(?:heritage|property|sites|monuments)",
        r"historic(?:al)?\s+(?:sites|monuments)",
        r"monuments",
        # "the National Museum", "looted artefacts", "ancient mausoleums", "the historic mosques and churches"
        r"museums?\b",
        r"artefacts|artifacts",
        r"manuscripts",
        r"mausoleums?",
        r"(?:royal\s+)?tombs\b",
        r"(?:historic(?:al)?|ancient|sacred)\s+(?:places|mosques|churches|temples|shrines|buildings|sites)",
        r"places\s+of\s+worship",
        r"World\s+Heritage",
        r"looted\s+(?:statues|objects|antiquities)",
        r"antiquities",
        r"sites?\s+of\s+(?:great\s+)?(?:cultural|historical|religious)(?:\s+and\s+\w+)?\s+(?:significance|importance|value)",
    ),
    "UseOfForce": _any(
        r"all\s+necessary\s+(?:means|measures)",
        r"use\s+of\s+force",
        r"acting\s+in\s+self-defen[cs]e",
        r"use\s+(?:of\s+)?(?:armed\s+)?force",
    ),
}
# Cheap substring pre-checks (on lower-cased text): a task's regex runs only where one of these occurs.
ANCHORS: dict[str, tuple[str, ...]] = {
    "DisarmDemob": (
        "disarm",
        "demobili",
        "cantonment",
        "assembly",
        " ddr",
        "(ddr",
        " down ",
        "hand",
        "disband",
        "disengage",
    ),
    "ControlSALW": (
        "small arms",
        "light weapons",
        "weapons",
        "arms management",
        "illicit arms",
        "illegal arms",
        "storage",
        "of arms",
        "ammunition",
        "stockpile",
        "arms",
        "weapons regist",
    ),
    "ArmsEmbargo": ("embargo", "measures imposed"),
    "CivProtect": ("civilian", "safe area", "safety", "security", "communities", "population"),
    "HumanRights": ("human rights", "freedom", "rights of", "detention", "detainees", "detained"),
    "ChildRights": ("child", "grave violations", "minors"),
    "SGBViolence": ("sexual", "gender-based", "rape", "violence against women"),
    "PoliceReform": (
        "police",
        "gendarmerie",
        "law enforcement",
        "security sector",
        "ssr",
        "security institutions",
        "security architecture",
        "internal security forces",
    ),
    "MilitaryReform": (
        "forces",
        "army",
        "security sector",
        "ssr",
        "defence sector",
        "defence reform",
        "security institutions",
        "security architecture",
        "military justice",
        "national forces",
    ),
    "Demil": (
        "demilitari",
        "weapons-secure",
        "heavy weapons",
        "withdrawal",
        "redeployment",
        "separation",
        "disengagement",
        "zone",
        "neutral strip",
        "reduction of troops",
        "reduction of forces",
        "reduction of the troops",
        "reduction of the forces",
    ),
    "OffensOper": ("offensive", "neutrali", "operations against", "targeted operations", "operations to"),
    "JusticeReform": (
        "judicia",
        "justice",
        "rule of law",
        "legal system",
        "impunity",
        "court",
        "trial detention",
        "prosecut",
    ),
    "TransJustice": (
        "prosecut",
        "war crimes",
        "crimes",
        "genocide",
        "tribunal",
        "transitional justice",
        "truth",
        "criminal court",
        "scc",
        " court",
        "chamber",
        "clarification commission",
        "exhumation",
    ),
    "CorrectionsReform": ("prison", "correction", "penal", "penitentiary", "detention"),
    "BorderControl": ("border", "frontier", "boundar"),
    "Demining": ("mine", "land", "demining", "de-mining", "explosive", "unexploded"),
    "Resources": (
        "natural resources",
        "exploitation",
        "timber",
        "diamonds",
        "minerals",
        "hydrocarbon",
        "oil ",
        "fisheries",
        "forest",
        "gold",
        "charcoal",
        "coltan",
        "cobalt",
    ),
    "StateAuthority": (
        "authority",
        "administration",
        "establishment",
        "administrative",
        "stabili",
        "state institutions",
        "state organs",
        "state-building",
        "statebuilding",
        "decentrali",
        "public institutions",
        "local governance",
        "institution",
        "civil servants",
        "state officials",
        "civil administration",
    ),
    "Democratization": (
        "democra",
        "governance",
        "constitutional order",
        "political transition",
        "parliament",
        "legislature",
    ),
    "ElectSec": ("election", "electoral", "polling", "vote", "candidates", "registration centres"),
    "ElectAssist": (
        "election",
        "electoral",
        "referendum",
        "polling",
        "polls",
        "ballot",
        "popular consultation",
    ),
    "VoterEducation": ("voter", "civic education", "electoral education"),
    "PolPartyAssist": ("political parties",),
    "CivilSociety": ("civil society", "civic space", "non-governmental organi"),
    "Media": ("media", "radio", "broadcast", "press"),
    "PublicInfo": ("information", "inform the", "communication", "awareness", "outreach", "radio", "explain"),
    "PowerSharing": (
        "power",
        "national unity",
        "broad-based",
        "inclusive government",
        "posts",
        "seats",
        "portfolios",
    ),
    "Reconcil": (
        "reconciliation",
        "national dialogue",
        "social cohesion",
        "confidence-building",
        "confidence building",
    ),
    "LocalReconcil": (
        "local",
        "communal",
        "community",
        "communities",
        "coexistence",
        "land dispute",
        "land conflict",
        "farmer",
        "herder",
        "pastoralist",
    ),
    "RegReconcil": (
        "regional reconciliation",
        "good-neighbo",
        "good neighbo",
        "neighbouring",
        "its neighbo",
        "regional cooperation",
        "regional dialogue",
        "regional engagement",
        "regional relations",
        "bilateral relations",
        "relations between",
        "confidence-building",
        "confidence building",
        "dialogue between",
        "dialogue among",
        "neighbours",
        "neighbors",
        "normali",
        "cross-border dialogue",
        "cross-border cooperation",
        "trust between",
    ),
    "Reintegration": (
        "civilian life",
        "reintegrat",
        "reinsertion",
        "resettlement",
        "reincorporation",
        "violence reduction",
        " ddr",
        "(ddr",
    ),
    "EcDevelop": (
        "econom",
        "development assistance",
        "development aid",
        "development programme",
        "development plan",
        "development strateg",
        "development project",
        "development priorit",
        "development effort",
        "development goal",
        "and development",
        "reconstruction",
        "poverty",
        "sustainable development",
        "early recovery",
        "livelihoods",
        "job creation",
        "rehabilitation",
        "economy",
        "employment",
        "revival",
        "revitali",
        "recovery of local",
        "recovery of the local",
    ),
    "HumanRelief": ("humanitarian", "relief"),
    "PublicHealth": (
        "health",
        "hiv",
        "aids",
        "epidemic",
        "cholera",
        "ebola",
        "disease",
        "vaccination",
        "immuni",
        "measles",
        "polio",
        "contact tracing",
        "outbreak",
        "fever",
    ),
    "RefugeeIDPs": ("refugee", "displaced", "returnees", "repatriation", "idp", "displacement"),
    "Gender": ("gender", "women"),
    "LegalReform": (
        "legislation",
        " law",
        "legal framework",
        "legal reform",
        "legislative reform",
        "law reform",
        "constitution",
        "electoral law",
        "law on",
        "laws on",
        "laws",
        "legal texts",
        "codes",
        "penal code",
        "criminal code",
        "criminal procedure",
        "electoral code",
        "land code",
        "mining code",
        "civil code",
    ),
    "Ceasefire": ("cease", "cessation", "truce", "armistice", "escalation", "resumption of"),
    "PeaceProcess": (
        "peace",
        "political",
        "good offices",
        "mediation",
        "dialogue",
        "agreement",
        "negotiation",
        " talks",
        "settlement",
        "accord",
        "political solution",
        "peaceful solution",
        "negotiated solution",
        "peacemaking",
        "peace-making",
        "charter",
    ),
    "CulturalHeritage": (
        "cultural",
        "historic",
        "monuments",
        "museum",
        "artefact",
        "artifact",
        "manuscripts",
        "mausoleum",
        "tombs",
        "ancient",
        "sacred",
        "places of worship",
        "world heritage",
        "looted",
        "antiquities",
    ),
    "UseOfForce": ("necessary", "force", "self-defen"),
}
# A phrase of the first task inside a phrase of the second is not found twice ("security ... elections");
# a law's name is the law's ("the Electoral law", "the Law on Political Parties").
SHADOWED_BY: dict[str, tuple[str, ...]] = {
    "ElectAssist": ("ElectSec", "LegalReform"),
    "Reconcil": ("LocalReconcil",),
    "Media": ("PublicInfo",),
    "PolPartyAssist": ("LegalReform",),
    "VoterEducation": ("ElectSec",),
    "PeaceProcess": ("RegReconcil", "LocalReconcil"),
    "Gender": ("SGBViolence",),
    "HumanRights": ("CorrectionsReform",),
    "TransJustice": ("JusticeReform",),
}

_CUES: tuple[tuple[str, str], ...] = (
    (
        "Security",
        _any(
            r"ensur\w*\s+(?:the\s+)?(?:safety|security)",
            r"provid\w*\s+(?:\w+\s+){0,2}?(?:security|protection)",
            # "to create, within its capabilities, a secure environment"
            r"creat\w*(?:,[^,;]{1,60},)?\s+(?:of\s+)?(?:the\s+|a\s+)?(?:necessary\s+)?(?:security\s+conditions|secure\s+environment)",
            r"seiz\w*",
            r"confiscat\w*",
            r"destroy\w*",
            r"dispos\w*\s+of",
            r"neutrali[sz]\w*",
            r"apprehend\w*",
            r"maint\w+\s+(?:of\s+)?public\s+(?:safety|order)",
            r"contribut\w*\s+to\s+the\s+security",
            r"secur(?:e|ing)\b",
            r"protect\w*",
            r"safeguard\w*",
            r"escort\w*",
            r"guard\w*",
            r"deter\w*",
            r"enforc\w*",  # "enforce the ceasefire", "enforce the arms embargo"
            r"intercept\w*",
            r"interdict\w*",
            # a buffer held by the operation itself: "interpose itself between the forces", "patrol the buffer
            # zone", "maintain the integrity of the neutral strip", "prevent a resumption of hostilities"
            r"interpos\w*",
            r"patrol(?:s|ling|led)?\b(?!\s+(?:tracks|roads|routes|bases))",
            r"maint\w+\s+the\s+integrity\s+of",
            r"prevent\w*\s+(?:a\s+|the\s+|any\s+)?(?:resumption|recurrence)\s+of",
        ),
    ),
    (
        "Monitor",
        _any(
            # "provide available information on cases of human rights abuses": reporting, not assistance
            r"provid\w*\s+(?:\w+\s+){0,2}?information\s+(?:on|about|regarding)",
            r"monitor\w*",
            r"verif\w*",
            r"observ\w*",
            r"supervis\w*",
            r"investigat\w*",
            r"report\w*\s+(?:\w+ly\s+)?(?:on|upon)",  # "report regularly on"
            r"report(?:s|ing)?\s+(?:any\s+|all\s+)?(?:alleged\s+)?(?:violations|abuses|breaches|incidents)",
            r"keep\w*\s+track\s+of",
            r"track(?:ing)?\b(?!\s+record)",  # not "roads or tracks"
            r"(?:gather|collect)\w*\s+(?:\w+\s+){0,2}?information\s+(?:on|about|regarding)",
            r"inspect\w*",
            r"fact-finding",
            r"oversee\w*",
            r"oversight",
            r"watch\w*",
            # reporting and documenting are monitoring too ("document violations", "include in its reports")
            r"(?:document|record)(?:ing|ation\s+of)?(?=\s+(?:and\s+\w+\s+)?(?:all\s+)?(?:the\s+)?"
            r"(?:human|violations|abuses|cases|incidents|crimes|sexual))",
            r"keep\w*\s+under\s+review",
            r"keep\w*\s+(?:the\s+(?:Security\s+)?Council\s+)?(?:regularly\s+|fully\s+)?informed",
            r"include\w*\s+in\s+(?:its|his|her|their|the)\s+(?:regular\s+)?reports?",
        ),
    ),
    (
        "Assist",
        _any(
            r"assist\w*",
            r"support\w*",
            r"help\w*",
            r"play\s+a\s+part\s+in",
            r"facilitat\w*",
            r"advis\w*",
            r"advice",
            r"train\w*",
            r"coordinat\w*",
            r"contribut\w*",
            r"promot\w*",
            r"provid\w*",
            r"organi[sz]\w*",
            r"conduct\w*",
            r"carry\s+out",
            r"develop\w*",
            r"creat\w*",
            r"rehabilitat\w*",
            r"undertak\w*",
            r"good\s+offices",
            r"mediat\w*",
            r"strengthen\w*",
            r"build\w*",
            # the wider family of the Council's verbs of help ("advocate for", "work with", "mentor")
            r"advoca\w*",
            r"engag\w*\s+(?:\w+ly\s+)?(?:with|on)\b",  # not "parties that engage in"
            r"work\w*\s+(?:closely\s+)?with",
            r"accompan\w*",
            r"mentor\w*",
            r"enhanc\w*",
            r"foster\w*",
            r"reinforc\w*",
            r"bolster\w*",
            r"encourag\w*",
            r"sensiti[sz]\w*",
            r"mainstream\w*",
            r"liais\w*",
            r"empower\w*",
            r"enabl\w*",
            r"mobili[sz](?:e|es|ing)\b",  # "mobilize resources for recovery" (not "demobilization")
            r"conven(?:e|es|ing)\b",
        ),
    ),
)
# The cues are tried only at the words their matches start with (scan.py derives them)
_CUE_RE = Led(re.compile("|".join(f"{_W}(?P<{name}>{pattern})" for name, pattern in _CUES), re.I))
# A cue word that is part of an operation's name ("Observer Group", "Verification Mission", "Protection
# Force", "Assistance Mission") says nothing about the task.
_NAME_AFTER = re.compile(r"\s+(?:Group|Mission|Force|Team|Unit|Authority|Operation|Office)\b")


# "the training and investigation capacities of the National Police": whose capacities, not an activity
_CAPACITY_AFTER = re.compile(r"(?:\s+and\s+[\w-]+)?\s+(?:capacit(?:y|ies)|capabilit(?:y|ies))\b", re.I)


# "assist the Panel of Experts in monitoring the arms embargo", "support the Government to monitor": the
# operation helps others monitor
_HELPS_OTHERS_IN = re.compile(
    r"\b(?:support|assist|help|strengthen|build)\w*\s+(?:(?!and\b)[\w'’-]+\s+){1,6}?(?:in|with|to)\s+$", re.I
)


def find_cues(structure: Structure, start: int, end: int) -> list[tuple[int, int, str]]:
    text = structure.text
    return [
        (m.start(), m.end(), _helped(text, m.start(), m.lastgroup or ""))
        for m in _CUE_RE.finditer(structure, start, end)
        if not (text[m.start()].isupper() and _NAME_AFTER.match(text, m.end()))
        and not _CAPACITY_AFTER.match(text, m.end())
    ]


def _helped(text: str, start: int, modality: str) -> str:
    helped = modality == "Monitor" and _HELPS_OTHERS_IN.search(text, max(0, start - 80), start)
    return "Assist" if helped else modality


CUE_REACH = 160  # an activity verb governs task phrases up to this many characters after it
# The modalities PEMA's codebook uses for a task. Peace-process support is always coded Assist, the use of
# force always Security, electoral security never Security; a finding in another modality takes the
# task's usual one, and an encouragement PEMA never codes is dropped.
_HELPED_ONLY = (
    "HumanRights", "Democratization", "ElectAssist", "Reconcil", "LocalReconcil", "MilitaryReform",
    "PoliceReform", "CorrectionsReform", "Gender", "Reintegration", "EcDevelop", "VoterEducation",
    "PolPartyAssist", "Resources", "PublicHealth",
)  # fmt: skip
ALLOWED_MODALITIES: dict[str, frozenset[str]] = {
    "PeaceProcess": frozenset({"Assist", "Monitor", "Security", "Encouraged"}),
    "PowerSharing": frozenset({"Assist", "Encouraged"}),
    "RegReconcil": frozenset({"Assist", "Encouraged"}),
    "CulturalHeritage": frozenset({"Assist", "Security", "Encouraged"}),
    "UseOfForce": frozenset({"Security"}),
    "PublicInfo": frozenset({"Assist", "Encouraged", "Security"}),
    "CivilSociety": frozenset({"Assist", "Encouraged"}),
    "Demining": frozenset({"Assist", "Monitor", "Security", "Encouraged"}),
    "Ceasefire": frozenset({"Monitor", "Assist", "Security", "Encouraged"}),
    "Demil": frozenset({"Monitor", "Assist", "Security", "Encouraged"}),
    "ElectSec": frozenset({"Monitor", "Assist", "Security", "Encouraged"}),
    "LegalReform": frozenset({"Assist", "Monitor", "Encouraged"}),
    # reforms, rights and development the operation helps others with: it never secures them itself
    # ("promote and protect human rights" is Assist)
    **dict.fromkeys(_HELPED_ONLY, frozenset({"Assist", "Monitor", "Encouraged"})),
}
# Tasks PEMA never codes as encouraged: the README codes every task the operation is encouraged to do as
# Encouraged ("Calls upon UNAMX to protect the cultural sites"), but these are so only where an activity verb
# governs them; named in passing in an encouragement ("the risk posed by explosive hazards") they are not.
ENCOURAGED_IF_ACTIVE = frozenset(
    {"PeaceProcess", "PowerSharing", "RegReconcil", "CulturalHeritage", "Demining", "Ceasefire", "Demil",
     "ElectSec"}
)  # fmt: skip
# the protection of civilians named with no activity verb ("prevent attacks against civilians") is the
# operation's own (PEMA codes it Security)
USUAL_MODALITY = {"UseOfForce": "Security", "OffensOper": "Security", "CivProtect": "Security"}  # else Assist

# Each task's phrases are tried only at the words they start with (scan.py derives them): at every character,
# re alone spent most of the task reading's time on the long lists of phrases.
COMPILED = {task: Led(re.compile(f"{_W}(?:{pattern})", re.I)) for task, pattern in TASK_PATTERNS.items()}
