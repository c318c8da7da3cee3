"""Place names and demonyms: word lists that correct the small model.

en_core_web_sm tags some places as people or organisations ("Stepanakert"
PERSON, "Nagorno-Karabakh" ORG, "Azerbaijan" ORG).  A place is never a
person, and a country that "says" something is a country actor.  The lists
are plain data; nothing here imports spaCy.
"""

from __future__ import annotations

_COUNTRIES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|
Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|
Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|
Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|
Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|
Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|
Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|
Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|
Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|
Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|
Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|
Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|
Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saint Lucia|Samoa|San Marino|
Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|
Solomon Islands|Somalia|South Africa|South Korea|Korea|South Sudan|Spain|Sri Lanka|Sudan|
Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|
Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|
United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|
United States|United States of America|US|U.S.|USA|America|Uruguay|Uzbekistan|Vanuatu|
Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Soviet Union|USSR|Yugoslavia|Chechnya|
Abkhazia|South Ossetia|Transnistria|Northern Cyprus|Western Sahara|Kurdistan|Greenland|
Hong Kong|Macau|Puerto Rico|Gaza|West Bank|Crimea|Kashmir|Tibet|Xinjiang|Artsakh|
Nagorno-Karabakh|Karabakh|Nakhchivan|Donbas|Donbass|Donetsk|Luhansk|Catalonia|Kurdistan
"""

#: Capitals and other cities that stand for their government in news
#: ("Moscow said", "Baku denied").  Mapped to the country they speak for.
_SEATS = """
Kabul=Afghanistan|Tirana=Albania|Algiers=Algeria|Luanda=Angola|Buenos Aires=Argentina|
Yerevan=Armenia|Canberra=Australia|Vienna=Austria|Baku=Azerbaijan|Manama=Bahrain|
Dhaka=Bangladesh|Minsk=Belarus|Brussels=Belgium|Sarajevo=Bosnia and Herzegovina|
Brasilia=Brazil|Sofia=Bulgaria|Phnom Penh=Cambodia|Ottawa=Canada|Santiago=Chile|
Beijing=China|Bogota=Colombia|Zagreb=Croatia|Havana=Cuba|Nicosia=Cyprus|Prague=Czech Republic|
Copenhagen=Denmark|Quito=Ecuador|Cairo=Egypt|Tallinn=Estonia|Addis Ababa=Ethiopia|
Helsinki=Finland|Paris=France|Tbilisi=Georgia|Berlin=Germany|Accra=Ghana|Athens=Greece|
Budapest=Hungary|Reykjavik=Iceland|New Delhi=India|Delhi=India|Jakarta=Indonesia|Tehran=Iran|
Baghdad=Iraq|Dublin=Ireland|Jerusalem=Israel|Rome=Italy|Tokyo=Japan|Amman=Jordan|
Astana=Kazakhstan|Nur-Sultan=Kazakhstan|Nairobi=Kenya|Pristina=Kosovo|Bishkek=Kyrgyzstan|
Riga=Latvia|Beirut=Lebanon|Tripoli=Libya|Vilnius=Lithuania|Kuala Lumpur=Malaysia|
Mexico City=Mexico|Chisinau=Moldova|Rabat=Morocco|Naypyidaw=Myanmar|Kathmandu=Nepal|
The Hague=Netherlands|Amsterdam=Netherlands|Wellington=New Zealand|Abuja=Nigeria|
Pyongyang=North Korea|Skopje=North Macedonia|Oslo=Norway|Islamabad=Pakistan|Lima=Peru|
Manila=Philippines|Warsaw=Poland|Lisbon=Portugal|Doha=Qatar|Bucharest=Romania|Moscow=Russia|
Kigali=Rwanda|Riyadh=Saudi Arabia|Belgrade=Serbia|Bratislava=Slovakia|Ljubljana=Slovenia|
Mogadishu=Somalia|Pretoria=South Africa|Seoul=South Korea|Juba=South Sudan|Madrid=Spain|
Colombo=Sri Lanka|Khartoum=Sudan|Stockholm=Sweden|Bern=Switzerland|Damascus=Syria|
Taipei=Taiwan|Dushanbe=Tajikistan|Bangkok=Thailand|Tunis=Tunisia|Ankara=Turkey|
Ashgabat=Turkmenistan|Kampala=Uganda|Kyiv=Ukraine|Kiev=Ukraine|Abu Dhabi=United Arab Emirates|
London=United Kingdom|Washington=United States|Montevideo=Uruguay|Tashkent=Uzbekistan|
Caracas=Venezuela|Hanoi=Vietnam|Sanaa=Yemen|Harare=Zimbabwe|Stepanakert=Nagorno-Karabakh|
Sukhumi=Abkhazia|Tskhinvali=South Ossetia|Brussels=Belgium|Westminster=United Kingdom|
Whitehall=United Kingdom|Holyrood=Scotland|Beijing=China|Ramallah=Palestine
"""

#: Other places: cities, regions, seas, continents.  They never speak.
_OTHER_PLACES = """
Europe|Asia|Africa|North America|South America|Latin America|Middle East|the Middle East|
Caucasus|South Caucasus|the South Caucasus|North Caucasus|Central Asia|Eastern Europe|
Western Europe|Balkans|the Balkans|Gulf|the Gulf|Persian Gulf|Black Sea|Caspian Sea|
Caspian|Mediterranean|the Mediterranean|Baltic|Scandinavia|Siberia|Arctic|Antarctica|
Ganja|Tartar|Terter|Martakert|Martuni|Shusha|Shushi|Hadrut|Fizuli|Fuzuli|Jabrayil|Lachin|
Kalbajar|Agdam|Goris|Vardenis|Mingachevir|Barda|Sumgait|Gyumri|Vanadzor|Nakhichevan|
Istanbul|Izmir|Aleppo|Idlib|Homs|Mosul|Basra|Erbil|Kirkuk|Benghazi|St Petersburg|
Saint Petersburg|Sochi|Grozny|Kaliningrad|Vladivostok|Odessa|Kharkiv|Mariupol|Sevastopol|
Lviv|Minsk|Shanghai|Hong Kong|Mumbai|Karachi|Lahore|Kandahar|Helmand|Herat|Dubai|
Los Angeles|New York|Chicago|San Francisco|Houston|Boston|Miami|Seattle|Atlanta|
Manchester|Birmingham|Liverpool|Leeds|Glasgow|Edinburgh|Cardiff|Belfast|Bristol|
Sheffield|Newcastle|Oxford|Cambridge|Frankfurt|Munich|Hamburg|Milan|Barcelona|Geneva|
Zurich|Davos|Lyon|Marseille|Strasbourg|Sydney|Melbourne|Toronto|Montreal|Vancouver|
Sao Paulo|Rio de Janeiro|Lagos|Johannesburg|Cape Town|Alexandria|Tel Aviv|Haifa|Mecca|
Medina|Jeddah|Silicon Valley|Wall Street|Downing Street|
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|
Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|
Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|
North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|
Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming
"""

#: Demonym (adjective) -> country, for affiliations ("Armenian Prime
#: Minister" -> Armenia) and for "the Azerbaijani side".
_DEMONYMS = """
Afghan=Afghanistan|Albanian=Albania|Algerian=Algeria|American=United States|
Argentine=Argentina|Argentinian=Argentina|Armenian=Armenia|Australian=Australia|
Austrian=Austria|Azerbaijani=Azerbaijan|Azeri=Azerbaijan|Bahraini=Bahrain|
Bangladeshi=Bangladesh|Belarusian=Belarus|Belgian=Belgium|Bolivian=Bolivia|Bosnian=Bosnia|
Brazilian=Brazil|British=United Kingdom|Bulgarian=Bulgaria|Cambodian=Cambodia|
Canadian=Canada|Chilean=Chile|Chinese=China|Colombian=Colombia|Croatian=Croatia|
Cuban=Cuba|Cypriot=Cyprus|Czech=Czech Republic|Danish=Denmark|Dutch=Netherlands|
Ecuadorian=Ecuador|Egyptian=Egypt|English=England|Eritrean=Eritrea|Estonian=Estonia|
Ethiopian=Ethiopia|Finnish=Finland|French=France|Georgian=Georgia|German=Germany|
Ghanaian=Ghana|Greek=Greece|Hungarian=Hungary|Icelandic=Iceland|Indian=India|
Indonesian=Indonesia|Iranian=Iran|Iraqi=Iraq|Irish=Ireland|Israeli=Israel|Italian=Italy|
Japanese=Japan|Jordanian=Jordan|Kazakh=Kazakhstan|Kenyan=Kenya|Korean=Korea|Kosovan=Kosovo|
Kuwaiti=Kuwait|Kyrgyz=Kyrgyzstan|Latvian=Latvia|Lebanese=Lebanon|Libyan=Libya|
Lithuanian=Lithuania|Malaysian=Malaysia|Mexican=Mexico|Moldovan=Moldova|Mongolian=Mongolia|
Moroccan=Morocco|Nepalese=Nepal|Nigerian=Nigeria|Norwegian=Norway|Omani=Oman|
Pakistani=Pakistan|Palestinian=Palestine|Peruvian=Peru|Filipino=Philippines|Polish=Poland|
Portuguese=Portugal|Qatari=Qatar|Romanian=Romania|Russian=Russia|Rwandan=Rwanda|
Saudi=Saudi Arabia|Scottish=Scotland|Serbian=Serbia|Slovak=Slovakia|Slovenian=Slovenia|
Somali=Somalia|Spanish=Spain|Sudanese=Sudan|Swedish=Sweden|Swiss=Switzerland|Syrian=Syria|
Taiwanese=Taiwan|Tajik=Tajikistan|Thai=Thailand|Tunisian=Tunisia|Turkish=Turkey|
Turkmen=Turkmenistan|Ugandan=Uganda|Ukrainian=Ukraine|Emirati=United Arab Emirates|
Uzbek=Uzbekistan|Venezuelan=Venezuela|Vietnamese=Vietnam|Welsh=Wales|Yemeni=Yemen|
Zimbabwean=Zimbabwe|Soviet=Soviet Union|Chechen=Chechnya|Kurdish=Kurdistan|
Ottoman=Ottoman Empire|Persian=Iran|Karabakhi=Nagorno-Karabakh|Abkhaz=Abkhazia|
US=United States|UK=United Kingdom|EU=European Union
"""


def _split(block: str) -> list[str]:
    return [w.strip() for w in block.replace("\n", "").split("|") if w.strip()]


COUNTRIES: frozenset[str] = frozenset(_split(_COUNTRIES))
SEATS: dict[str, str] = dict(item.split("=", 1) for item in _split(_SEATS))
DEMONYMS: dict[str, str] = dict(item.split("=", 1) for item in _split(_DEMONYMS))
OTHER_PLACES: frozenset[str] = frozenset(_split(_OTHER_PLACES))

#: Every place name, lower-cased, with "the" and a possessive stripped.
_ALL = {p.lower() for p in COUNTRIES | OTHER_PLACES | set(SEATS)}


def normal(name: str) -> str:
    name = name.strip().replace("’", "'")
    if name.endswith("'s"):
        name = name[:-2]
    elif name.endswith("'"):
        name = name[:-1]
    low = name.lower()
    if low.startswith("the "):
        low = low[4:]
    return low


def is_place(name: str) -> bool:
    return normal(name) in _ALL


def is_country(name: str) -> bool:
    """A country-like polity, or a seat of government that speaks for one."""
    n = normal(name)
    return n in _COUNTRY_LOWER or n in _SEAT_LOWER


def is_other_place(name: str) -> bool:
    n = normal(name)
    return n in _OTHER_LOWER and n not in _COUNTRY_LOWER


def demonym_country(word: str) -> str | None:
    return DEMONYMS.get(word.strip())


_COUNTRY_LOWER = {c.lower() for c in COUNTRIES}
_SEAT_LOWER = {s.lower() for s in SEATS}
_OTHER_LOWER = {p.lower() for p in OTHER_PLACES}


# --------------------------------------------------------------------------
# Patterns for the entity ruler that runs before the NER (``ruler.py``)
# --------------------------------------------------------------------------


def entity_patterns() -> list[dict[str, str]]:
    """spaCy ruler patterns (``{"label", "pattern"}``, matched on the exact
    form) for every listed place: countries and seats of government are
    GPE, other places LOC.  A leading "the" is not part of the entity."""
    out: dict[str, str] = {}
    for label, names in (("GPE", COUNTRIES | set(SEATS)), ("LOC", OTHER_PLACES)):
        for name in sorted(names):
            if name.lower().startswith("the ") and name[4:] in names:
                continue  # "the Gulf": "Gulf" is listed too
            out.setdefault(name, label)
    return [{"label": label, "pattern": name} for name, label in out.items()]
