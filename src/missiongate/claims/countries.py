"""Country gazetteer: every UN member state (plus Palestine, the Holy See, Taiwan, the Cook Islands and Niue)
with the names, demonyms, capitals and government metonyms ("the Kremlin") that news copy uses for them.

The Cook Islands and Niue are states in free association with New Zealand whose full treaty-making
capacity the UN Secretary-General has recognised: they conduct their own foreign relations and are members
of UN specialised agencies, so a ministry can hold a position about them as about a member state.
Kosovo has no official ISO code and goes by the user-assigned XKX, as the EU and the IMF write it (round 8):
a claim about its consent to KFOR, or about its police abroad, names it.

The last lines name national forces and units that news copy names without their country (round 8): a
closed list of well-known names only, each used by one state alone ("Self-Defense Forces", "SANDF",
"Cheonghae unit"). Acronyms two states share, or that also name an armed group, are left out on purpose
(ADF is Australia's Defence Force and an armed group in Congo; BDF is Botswana's and Barbados's; RDF).

One line per state, `ISO3 | names | demonyms | capitals and metonyms`, alternatives separated by `;`;
a state may continue on further lines.
Capitals that are common words or usually mean something else (Male, Victoria, Brussels for the EU)
are left out on purpose.
"""

from __future__ import annotations

TABLE = """
AFG | Afghanistan | Afghan | Kabul
ALB | Albania | Albanian | Tirana
DZA | Algeria | Algerian | Algiers
AND | Andorra | Andorran | Andorra la Vella
AGO | Angola | Angolan | Luanda
ATG | Antigua and Barbuda;Antigua | Antiguan | St. John's
ARG | Argentina | Argentine;Argentinian | Buenos Aires
ARM | Armenia | Armenian | Yerevan
AUS | Australia | Australian | Canberra
AUT | Austria | Austrian | Vienna
AZE | Azerbaijan;Republic of Azerbaijan | Azerbaijani;Azeri | Baku
BHS | The Bahamas;Bahamas | Bahamian | Nassau
BHR | Bahrain | Bahraini | Manama
BGD | Bangladesh | Bangladeshi | Dhaka
BRB | Barbados | Barbadian;Bajan | Bridgetown
BLR | Belarus | Belarusian | Minsk
BEL | Belgium | Belgian |
BLZ | Belize | Belizean | Belmopan
BEN | Benin | Beninese | Porto-Novo;Cotonou
BTN | Bhutan | Bhutanese | Thimphu
BOL | Bolivia | Bolivian | La Paz;Sucre
BIH | Bosnia and Herzegovina;Bosnia-Herzegovina;Bosnia | Bosnian | Sarajevo
BWA | Botswana | Botswanan;Motswana | Gaborone
BRA | Brazil | Brazilian | Brasília;Brasilia;Planalto;Itamaraty
BRN | Brunei;Brunei Darussalam | Bruneian | Bandar Seri Begawan
BGR | Bulgaria | Bulgarian | Sofia
BFA | Burkina Faso | Burkinabe;Burkinabè | Ouagadougou
BDI | Burundi | Burundian | Gitega;Bujumbura
CPV | Cabo Verde;Cape Verde | Cape Verdean | Praia
KHM | Cambodia | Cambodian | Phnom Penh
CMR | Cameroon | Cameroonian | Yaoundé;Yaounde
CAN | Canada | Canadian | Ottawa
CAF | Central African Republic;CAR | Central African | Bangui
TCD | Chad | Chadian | N'Djamena;Ndjamena
CHL | Chile | Chilean | Santiago
CHN | China;People's Republic of China;PRC | Chinese | Beijing;Zhongnanhai
COL | Colombia | Colombian | Bogotá;Bogota
COM | Comoros | Comorian | Moroni
COG | Republic of the Congo;Congo-Brazzaville | | Brazzaville
COD | Democratic Republic of the Congo;Democratic Republic of Congo;DR Congo;DRC | Congolese | Kinshasa
COD | Congo-Kinshasa;Congo | |
CRI | Costa Rica | Costa Rican | San José;San Jose
CIV | Côte d'Ivoire;Cote d'Ivoire;Ivory Coast | Ivorian | Yamoussoukro;Abidjan
HRV | Croatia | Croatian | Zagreb
CUB | Cuba | Cuban | Havana
CYP | Cyprus | Cypriot | Nicosia
CZE | Czechia;Czech Republic | Czech | Prague
DNK | Denmark | Danish;Dane | Copenhagen
DJI | Djibouti | Djiboutian |
DMA | Dominica | | Roseau
DOM | Dominican Republic | Dominican | Santo Domingo
ECU | Ecuador | Ecuadorian;Ecuadorean | Quito
EGY | Egypt | Egyptian | Cairo
SLV | El Salvador | Salvadoran;Salvadorean | San Salvador
GNQ | Equatorial Guinea | Equatoguinean;Equatorial Guinean | Malabo
ERI | Eritrea | Eritrean | Asmara
EST | Estonia | Estonian | Tallinn
SWZ | Eswatini;Swaziland | Swazi | Mbabane
ETH | Ethiopia | Ethiopian | Addis Ababa
FJI | Fiji | Fijian | Suva
FIN | Finland | Finnish;Finn | Helsinki
FRA | France;French Republic | French | Paris;Élysée;Elysée;Elysee;Quai d'Orsay
GAB | Gabon | Gabonese | Libreville
GMB | The Gambia;Gambia | Gambian | Banjul
GEO | Georgia | Georgian | Tbilisi
DEU | Germany | German | Berlin;Bundeswehr;Bundestag;Auswärtiges Amt;Bendlerblock
GHA | Ghana | Ghanaian | Accra
GRC | Greece;Hellenic Republic | Greek | Athens
GRD | Grenada | Grenadian | St. George's
GTM | Guatemala | Guatemalan | Guatemala City
GIN | Guinea | Guinean | Conakry
GNB | Guinea-Bissau | Bissau-Guinean | Bissau
GUY | Guyana | Guyanese | Georgetown
HTI | Haiti | Haitian | Port-au-Prince
HND | Honduras | Honduran | Tegucigalpa
HUN | Hungary | Hungarian | Budapest
ISL | Iceland | Icelandic;Icelander | Reykjavik;Reykjavík
IND | India | Indian | New Delhi;Delhi
IDN | Indonesia | Indonesian | Jakarta
IRN | Iran;Islamic Republic of Iran | Iranian | Tehran
IRQ | Iraq | Iraqi | Baghdad
IRL | Ireland;Republic of Ireland | Irish | Dublin;Dáil;Oireachtas;Taoiseach
ISR | Israel | Israeli | Jerusalem;Tel Aviv;Knesset
ITA | Italy | Italian | Rome;Palazzo Chigi;Farnesina
JAM | Jamaica | Jamaican | Kingston
JPN | Japan | Japanese | Tokyo
JOR | Jordan;Hashemite Kingdom of Jordan | Jordanian | Amman
KAZ | Kazakhstan | Kazakh;Kazakhstani | Astana
KEN | Kenya | Kenyan | Nairobi
KIR | Kiribati | I-Kiribati | Tarawa
PRK | North Korea;Democratic People's Republic of Korea;DPRK | North Korean | Pyongyang
KOR | South Korea;Republic of Korea;ROK;Korea | South Korean;Korean | Seoul
KWT | Kuwait | Kuwaiti | Kuwait City
KGZ | Kyrgyzstan;Kyrgyz Republic | Kyrgyz | Bishkek
LAO | Laos;Lao People's Democratic Republic | Lao;Laotian | Vientiane
LVA | Latvia | Latvian | Riga
LBN | Lebanon | Lebanese | Beirut
LSO | Lesotho | Basotho;Mosotho | Maseru
LBR | Liberia | Liberian | Monrovia
LBY | Libya | Libyan | Tripoli
LIE | Liechtenstein | Liechtensteiner | Vaduz
LTU | Lithuania | Lithuanian | Vilnius
LUX | Luxembourg | Luxembourgish;Luxembourger |
MDG | Madagascar | Malagasy | Antananarivo
MWI | Malawi | Malawian | Lilongwe
MYS | Malaysia | Malaysian | Kuala Lumpur;Putrajaya
MDV | Maldives | Maldivian |
MLI | Mali | Malian | Bamako
MLT | Malta | Maltese | Valletta
MHL | Marshall Islands | Marshallese | Majuro
MRT | Mauritania | Mauritanian | Nouakchott
MUS | Mauritius | Mauritian | Port Louis
MEX | Mexico | Mexican | Mexico City
FSM | Micronesia;Federated States of Micronesia | Micronesian | Palikir
MDA | Moldova;Republic of Moldova | Moldovan | Chisinau;Chișinău
MCO | Monaco | Monegasque |
MNG | Mongolia | Mongolian | Ulaanbaatar;Ulan Bator
MNE | Montenegro | Montenegrin | Podgorica
MAR | Morocco | Moroccan | Rabat
MOZ | Mozambique | Mozambican | Maputo
MMR | Myanmar;Burma | Burmese | Naypyidaw;Naypyitaw
NAM | Namibia | Namibian | Windhoek
NRU | Nauru | Nauruan |
NPL | Nepal | Nepali;Nepalese | Kathmandu
NLD | Netherlands;The Netherlands;Holland | Dutch | Amsterdam;The Hague
NZL | New Zealand | New Zealander | Wellington
NIC | Nicaragua | Nicaraguan | Managua
NER | Niger | Nigerien | Niamey
NGA | Nigeria | Nigerian | Abuja
MKD | North Macedonia;Macedonia | Macedonian | Skopje
NOR | Norway | Norwegian | Oslo
OMN | Oman | Omani | Muscat
PAK | Pakistan | Pakistani | Islamabad;Rawalpindi
PLW | Palau | Palauan | Ngerulmud
PSE | Palestine;State of Palestine;Palestinian Authority | Palestinian | Ramallah
PAN | Panama | Panamanian | Panama City
PNG | Papua New Guinea | Papua New Guinean | Port Moresby
PRY | Paraguay | Paraguayan | Asunción;Asuncion
PER | Peru | Peruvian | Lima
PHL | Philippines;The Philippines | Philippine;Filipino | Manila
POL | Poland | Polish;Pole | Warsaw;Sejm
PRT | Portugal | Portuguese | Lisbon
QAT | Qatar | Qatari | Doha
ROU | Romania | Romanian | Bucharest
RUS | Russia;Russian Federation | Russian | Moscow;Kremlin
RWA | Rwanda | Rwandan;Rwandese | Kigali
KNA | Saint Kitts and Nevis;St Kitts and Nevis | Kittitian | Basseterre
LCA | Saint Lucia;St Lucia | Saint Lucian | Castries
VCT | Saint Vincent and the Grenadines;St Vincent and the Grenadines | Vincentian | Kingstown
WSM | Samoa | Samoan | Apia
SMR | San Marino | Sammarinese |
STP | São Tomé and Príncipe;Sao Tome and Principe | Santomean | São Tomé;Sao Tome
SAU | Saudi Arabia;Kingdom of Saudi Arabia | Saudi | Riyadh
SEN | Senegal | Senegalese | Dakar
SRB | Serbia | Serbian;Serb | Belgrade
SYC | Seychelles | Seychellois |
SLE | Sierra Leone | Sierra Leonean | Freetown
SGP | Singapore | Singaporean |
SVK | Slovakia;Slovak Republic | Slovak | Bratislava
SVN | Slovenia | Slovenian;Slovene | Ljubljana
SLB | Solomon Islands | Solomon Islander | Honiara
SOM | Somalia | Somali | Mogadishu
ZAF | South Africa | South African | Pretoria;Cape Town
SSD | South Sudan | South Sudanese | Juba
ESP | Spain | Spanish;Spaniard | Madrid;Moncloa
LKA | Sri Lanka | Sri Lankan | Colombo;Sri Jayawardenepura Kotte
SDN | Sudan | Sudanese | Khartoum;Port Sudan
SUR | Suriname | Surinamese | Paramaribo
SWE | Sweden | Swedish;Swede | Stockholm
CHE | Switzerland | Swiss | Bern
SYR | Syria;Syrian Arab Republic | Syrian | Damascus
TJK | Tajikistan | Tajik | Dushanbe
TZA | Tanzania;United Republic of Tanzania | Tanzanian | Dodoma;Dar es Salaam
THA | Thailand | Thai | Bangkok
TLS | Timor-Leste;East Timor | Timorese | Dili
TGO | Togo | Togolese | Lomé;Lome
TON | Tonga | Tongan | Nuku'alofa
TTO | Trinidad and Tobago;Trinidad | Trinidadian | Port of Spain
TUN | Tunisia | Tunisian | Tunis
TUR | Türkiye;Turkiye;Turkey | Turkish;Turk | Ankara
TKM | Turkmenistan | Turkmen | Ashgabat
TUV | Tuvalu | Tuvaluan | Funafuti
UGA | Uganda | Ugandan | Kampala
UKR | Ukraine | Ukrainian | Kyiv;Kiev;Verkhovna Rada
ARE | United Arab Emirates;UAE;U.A.E.;Emirates | Emirati | Abu Dhabi
GBR | United Kingdom;U.K.;UK;Britain;Great Britain | British;Briton | London;Downing Street;Whitehall
USA | United States;United States of America;U.S.;US;USA;U.S.A.;America | American | Washington;White House
USA | | | Pentagon;State Department
URY | Uruguay | Uruguayan | Montevideo
UZB | Uzbekistan | Uzbek | Tashkent
VUT | Vanuatu | Ni-Vanuatu | Port Vila
VEN | Venezuela | Venezuelan | Caracas
VNM | Vietnam;Viet Nam | Vietnamese | Hanoi
YEM | Yemen | Yemeni | Sanaa;Sana'a
ZMB | Zambia | Zambian | Lusaka
ZWE | Zimbabwe | Zimbabwean | Harare
VAT | Holy See;Vatican | Vatican |
TWN | Taiwan | Taiwanese | Taipei
COK | Cook Islands | Cook Islander | Avarua
NIU | Niue | Niuean | Alofi
XKX | Kosovo;Republic of Kosovo | Kosovar;Kosovan | Pristina;Prishtina
JPN | | | Self-Defense Forces;Self-Defence Forces;Self-Defense Force;Self-Defence Force;JSDF
ISR | | | IDF
CHN | | | PLA;People's Liberation Army
GBR | | | Royal Navy;Royal Air Force;RAF;Royal Marines
FRA | | | Foreign Legion;French Foreign Legion
ITA | | | Carabinieri
ESP | | | Guardia Civil
ZAF | | | SANDF
NZL | | | NZDF
UGA | | | UPDF
KEN | | | KDF
ETH | | | ENDF
TZA | | | TPDF
COD | | | FARDC
KOR | | | Cheonghae unit;Dongmyeong unit;Hanbit unit;Cheonghae Unit;Dongmyeong Unit;Hanbit Unit
PAK | | | ISPR
IDN | | | TNI
AUT | | | Bundesheer
"""
