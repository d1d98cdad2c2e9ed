"""The privacy guard's given names, descriptions of one child and obfuscated addresses."""

from __future__ import annotations

import pytest

from hyvinvointi_app.domain import given_names
from hyvinvointi_app.domain.privacy import Finding, FindingKind, personal_data, scan
from hyvinvointi_app.resources import load_json_resource

MEMBERS = ["Aino Ahonen", "Mikko Virtanen", "Anna Åberg", "Johan Backman"]


def found(text: str, people: list[str] | None = None) -> list[tuple[FindingKind, str]]:
    return [(f.kind, f.match) for f in scan(text, MEMBERS if people is None else people)]


# --- the lists -------------------------------------------------------------------------------


def test_the_lists_hold_over_2000_names_of_both_languages_and_sexes() -> None:
    assert given_names.name_count() >= 2000
    for name in [
        *("Aino", "Aada", "Eevi", "Venla", "Pihla", "Hilla", "Ella", "Helmi", "Iida"),
        *("Eino", "Väinö", "Onni", "Leo", "Eetu", "Aatu", "Niilo", "Veeti", "Elias"),
        *("Alva", "Ebba", "Wilma", "Saga", "Elsa", "Alvar", "Oliver", "Hugo", "Nelly"),
        *("Matti", "Pekka", "Heikki", "Anna-Liisa", "Oskari", "Maja", "Klara", "Linnea"),
    ]:
        assert given_names.known_name(name) == name, name


def test_every_name_in_the_resource_is_found_in_its_own_forms() -> None:
    names = load_json_resource("names/given_names.json")["names"]
    for name in names[::7]:
        for form in given_names.forms(name):
            capitalised = form[:1].upper() + form[1:]
            assert given_names.known_name(capitalised) is not None, (name, form)


@pytest.mark.parametrize(
    ("form", "name"),
    [
        *(("Ellan", "Ella"), ("Ellalle", "Ella"), ("Ellaa", "Ella"), ("Ellaan", "Ella")),
        *(("Eetun", "Eetu"), ("Eetulle", "Eetu"), ("Eetusta", "Eetu"), ("Eetuun", "Eetu")),
        *(("Aadalla", "Aada"), ("Aadaksi", "Aada"), ("Väinöä", "Väinö"), ("Leoon", "Leo")),
        *(("Matin", "Matti"), ("Pekalle", "Pekka"), ("Lotan", "Lotta"), ("Heikille", "Heikki")),
        *(("Oskarille", "Oskari"), ("Eemilille", "Eemil"), ("Danielia", "Daniel")),
        *(("Eliaksen", "Elias"), ("Eliasta", "Elias"), ("Eliakselle", "Elias")),
        *(("Ellankin", "Ella"), ("Ellakin", "Ella"), ("Eetukin", "Eetu"), ("Jenniä", "Jenni")),
        *(("Anna-Liisan", "Anna-Liisa"), ("Sammolle", "Sampo"), ("Sadun", "Satu")),
        *(("Ellas", "Ella"), ("Leos", "Leo"), ("Elias'", "Elias"), ("Annas", "Anna")),
    ],
)
def test_finnish_inflected_forms_and_swedish_genitives(form: str, name: str) -> None:
    (match,) = given_names.find(f"Kokouksessa puhuttiin: {form} ja muuta.")
    assert match.name == name


@pytest.mark.parametrize(
    "word", ["Ellaaxx", "Pekkanen", "Virtasen", "ADHD", "ELLA", "ella", "Sipoon", "Pekaa"]
)
def test_other_words_are_not_names(word: str) -> None:
    assert list(given_names.find(f"Sana {word} tässä.")) == []


# --- names in sentences ----------------------------------------------------------------------

CHILD_NAMES = [
    ("Ellan huoltajat toivoivat erityistä tukea.", "Ellan"),
    ("Sovittiin, että Eetulle haetaan avustaja.", "Eetulle"),
    ("Aadalla on ollut vaikeuksia ruokailussa, ja äiti on huolissaan.", "Aadalla"),
    ("Pihlan pähkinäallergiasta tiedotetaan keittiölle.", "Pihlan"),
    ("Toivon isä kertoi, että kotona on ollut rauhatonta.", "Toivon"),
    ("Ellas föräldrar önskar mer stöd.", "Ellas"),
    ("Alvar behöver en egen vuxen på utflykterna.", "Alvar"),
    ("Vi har pratat med Wilmas pappa om bitandet.", "Wilmas"),
]


@pytest.mark.parametrize(("text", "name"), CHILD_NAMES)
def test_a_name_in_a_sentence_about_a_child(text: str, name: str) -> None:
    assert any(kind is FindingKind.CHILD_NAME and name in match for kind, match in found(text))
    assert FindingKind.CHILD_NAME.prominent


def test_a_name_alone_is_flagged_with_lower_prominence() -> None:
    assert found("Kiitos Päiville kahvituksesta.") == [(FindingKind.NAME, "Päiville")]
    assert found("Tack till Stefan i köket.") == [(FindingKind.NAME, "Stefan")]
    assert not FindingKind.NAME.prominent


def test_the_window_is_one_sentence() -> None:
    text = "Kiitos Päiville kahvituksesta. Huoltajat toivoivat lisää retkiä."
    assert found(text) == [(FindingKind.NAME, "Päiville")]
    assert found("Päivi ja huoltajat\nsuunnittelevat retkeä.")[0][0] is FindingKind.CHILD_NAME


@pytest.mark.parametrize(
    "text",
    [
        "Ainon ehdotus hyväksyttiin; hän lähettää huoltajille kutsun.",
        "Mikolle lähetetään luonnos, ja Aino Ahonen kertoo huoltajille.",
        "AINO AHOSEN ja Mikko Virtasen vastuulla on tukitoimien kartoitus.",
        "Annas förslag godkändes, Johan berättar för vårdnadshavarna.",
        "Anna Åbergs och Johan Backmans ansvar: stödet i grupperna.",
        "Ainon äiti täyttää 80; Aino on poissa perjantaina.",
        "Annas mamma fyller 80, Anna är ledig på fredag.",
    ],
)
def test_members_names_are_never_flagged(text: str) -> None:
    assert found(text) == []


def test_without_the_members_their_names_are_names() -> None:
    assert found("Ainon ehdotus hyväksyttiin.", people=[]) == [(FindingKind.NAME, "Ainon")]


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("Tuomaksen ehdotus hyväksyttiin.", "Tuomas Virtanen"),
        ("Kiitos Sadun ehdotuksesta.", "Satu Lehtonen"),
        ("Oudin mukaan kysely lähetetään.", "Outi Mäkelä"),
        ("Kiitos Illan ehdotuksesta.", "Ilta Korhonen"),
    ],
)
def test_a_member_is_known_in_every_form_of_her_name(text: str, member: str) -> None:
    assert found(text, people=[member]) == []


@pytest.mark.parametrize(
    ("text", "member", "child"),
    [
        ("Emilia on purrut muita lapsia, äiti on tietoinen.", "Emil Berg", "Emilia"),
        ("Juhani lyö muita, huoltajat ovat huolissaan.", "Juha Mäkelä", "Juhani"),
        ("Anna-Liisa tarvitsee avustajan, äiti toivoo tukea.", "Anna Åberg", "Anna-Liisa"),
    ],
)
def test_a_member_does_not_hide_a_child_whose_name_begins_alike(
    text: str, member: str, child: str
) -> None:
    assert (FindingKind.CHILD_NAME, child) in found(text, people=[member])


@pytest.mark.parametrize(
    "text",
    [
        "Toivomme, että huoltajat osallistuvat.",
        "Toivo ja ilo näkyvät arjessa.",
        "Aamun piirissä lapset kertoivat toiveistaan.",
        "Lumi ja jää: pihan liukkauden torjunta.",
        "Satu ja loru -hetket jatkuvat.",
        "Inga uppgifter om enskilda barn har antecknats i minnesanteckningarna.",
        "Klara åtgärder: säkerhetsrundan och räddningsplanen.",
        "Saga och sång varje fredag.",
        "Lucia-kulkue kiertää ryhmät.",
        "Luciatåget går genom alla grupper och Lucia sjunger.",
        "Wilma-viestit lähetetään perjantaisin, Wilman kautta myös kysely.",
        "Kaarinan ja Loviisan päiväkotien kanssa vertaillaan malleja.",
        "Wilmassa huoltajat voivat ilmoittaa poissaoloista.",
        "Salon sosiaalityö esitteli palvelujaan.",
        "Aleksis Kiven päivänä luetaan runoja.",
        "Minna Canthin ja tasa-arvon päivänä näyttely aulassa.",
        "Huoltajien ilta Kalevan koulun liikuntasalissa.",
        "Siirtymä kouluun: Aleksis Kiven peruskoulun opettajat tutustuvat eskarilaisiin.",
        "Yhteistyö Sipoon kanssa jatkuu.",
    ],
)
def test_names_that_are_ordinary_words_or_places_pass_without_a_child(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Eetun koulunaloitusta lykätään vuodella, äiti toivoo tukea.", "Eetun"),
        ("Ellas skola har kontaktat familjen om stödet.", "Ellas"),
        ("Ellakin puri toista lasta, äiti on tietoinen.", "Ellakin"),
        ("Elin i Björnarna har lämnats utanför i leken.", "Elin"),
    ],
)
def test_children_found_beside_a_school_a_clitic_or_their_group(text: str, name: str) -> None:
    assert (FindingKind.CHILD_NAME, name) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Psykologi Hanna Laine esitteli vanhemmuuden tuen mallin kaikille huoltajille.",
        "Erityisopettaja Päivi kertoi kolmiportaisen tuen käytännöistä.",
        "Vi fick besök av Lena från Folkhälsan.",
    ],
)
def test_an_adult_with_a_title_or_an_organisation_is_a_name_only(text: str) -> None:
    kinds = {kind for kind, _match in found(text)}
    assert kinds == {FindingKind.NAME}


def test_an_ordinary_word_name_mid_sentence_is_a_name() -> None:
    assert found("Kiitos Toivolle ja Onnille kahvista.") == [
        (FindingKind.NAME, "Toivolle"),
        (FindingKind.NAME, "Onnille"),
    ]


# --- descriptions of one child ---------------------------------------------------------------

DESCRIPTIONS = [
    ("Keskusteltiin yhden lapsen tilanteesta.", "yhden lapsen"),
    ("Eräs poika on kiusannut muita.", "Eräs poika"),
    ("Erään tytön huoltajat ottivat yhteyttä.", "Erään tytön"),
    ("Isä kertoi, että hänen poikansa ei halua tulla.", "hänen poikansa"),
    ("Oravien yksi tyttö tarvitsee tukea.", "yksi tyttö"),
    ("Ryhmässä on 5-vuotias poika, joka pelkää kovia ääniä.", "5-vuotias poika"),
    ("Kyseisen lapsen vanhemmille soitetaan.", "Kyseisen lapsen"),
    ("Poika löi toista pihalla.", "Poika"),
    ("Vårdnadshavaren till en flicka i gruppen Ekorrarna kontaktade oss.", "en flicka"),
    ("En pojke i gruppen behöver mer stöd.", "En pojke"),
    ("Hennes son har svårt med övergångarna.", "Hennes son"),
    ("Hans dotter går i Myrorna.", "Hans dotter"),
    ("Ett av barnen i Myrorna har blivit retat.", "Ett av barnen"),
    ("En femåring har bitit andra barn.", "En femåring"),
    ("Pojken har svårt att somna.", "Pojken"),
    ("Tvillingarna i Myrorna placeras i olika grupper.", "Tvillingarna"),
    ("Vi pratade om en pojke i Myrorna som slår andra barn.", "en pojke"),
    ("Personalen berättade om hennes son.", "hennes son"),
    ("Tammikuussa aloittanut 3-vuotias itkee paljon.", "aloittanut 3-vuotias"),
]


@pytest.mark.parametrize(("text", "words"), DESCRIPTIONS)
def test_a_description_of_one_child(text: str, words: str) -> None:
    """A finding covers all the pointing words: "Eräs poika" whole, not "poika" alone."""
    start = text.index(words)
    findings = [f for f in scan(text) if f.kind is FindingKind.CHILD_DESCRIPTION]
    assert any(f.start <= start and start + len(words) <= f.end for f in findings), findings


@pytest.mark.parametrize(
    "text",
    [
        "Lasten kiusaamisen ehkäisy yleisellä tasolla.",
        "Ryhmässä Oravat on 21 lasta.",
        "Jokainen ryhmän lapsi otetaan huomioon.",
        "Jos tyttö haluaa leikkiä autoilla, se on hyvä asia.",
        "Leikkejä ei jaeta sen mukaan, onko lapsi tyttö vai poika.",
        "Ryhmässä on 12 alle 3-vuotiasta lasta.",
        "Lapsi on aina etusijalla. Lapsen etu ratkaisee.",
        "Gruppen behandlar aldrig ett enskilt barn eller en enskild familj.",
        "Om en pojke vill leka med dockor uppmuntrar vi det.",
        "Varje barn har rätt att bli hört, oavsett om det är en flicka eller en pojke.",
        "Femåringarna besöker biblioteket i maj.",
        "I gruppen Ekorrarna finns 21 barn.",
        "Otsikko\nJos tyttö haluaa leikkiä autoilla, se on hyvä asia.",
        "Tavoitteena on ollut lapsen osallisuuden vahvistaminen.",
        "Henkilöstö on huomioinut lapsen yksilölliset tarpeet suunnittelussa.",
        "Varhaiskasvatukseen lapsi haetaan neljä kuukautta ennen.",
        "Pohdittiin, miten lapsi oppii tunnetaitoja.",
        "Kaupungin päiväkotien vanhin kiinteistö remontoidaan.",
        "Yhden huoltajan perheille järjestetään oma vertaisryhmä.",
        "Neuvola kertoi 4-vuotiaan lapsen laajasta terveystarkastuksesta.",
        "Poika- ja tyttöryhmiä ei muodosteta.",
        "Saako poika leikkiä nukeilla?",
        "Jokaisen äiti ja isä ovat tervetulleita.",
        "Vuoden isä -palkinto myönnettiin.",
        "Jokainen lapsi Suomessa saa varhaiskasvatusta.",
    ],
)
def test_community_language_is_not_a_description(text: str) -> None:
    assert found(text) == []


# --- obfuscated addresses --------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "etunimi.sukunimi(at)kunta.fi",
        "etunimi.sukunimi[at]kunta.fi",
        "etunimi.sukunimi (at) kunta.fi",
        "maija.m at kunta.fi",
        "maija.m(ät)kunta.fi",
        "fornamn.efternamn ät kommun.fi",
        "etunimi.sukunimi(at)kunta(dot)fi",
        "anna.aberg[at]borga[punkt]fi",
    ],
)
def test_obfuscated_email_addresses(address: str) -> None:
    text = f"Yhteydenotot: {address}, kiitos."
    assert found(text) == [(FindingKind.EMAIL, address)]


@pytest.mark.parametrize(
    "text",
    [
        "Kokous at 13 salissa.",
        "Ryhmä (a) ja ryhmä (b).",
        "ryhmä @ piha.fi",
        "Ät frukost.",
        "Liitteet: Liite (a) budjetti.xlsx ja liite (b) kysely.pdf",
    ],
)
def test_at_words_without_an_address(text: str) -> None:
    assert [kind for kind, _m in found(text)] == []


def test_the_public_memo_looks_for_personal_data_only() -> None:
    text = "Eräs poika, Ellan äiti: etunimi(at)kunta.fi, 040 123 4567."
    assert [(f.kind, f.match) for f in personal_data(text)] == [
        (FindingKind.EMAIL, "etunimi(at)kunta.fi"),
        (FindingKind.PHONE, "040 123 4567"),
    ]


def test_findings_are_whole_and_never_overlap() -> None:
    text = "Eräs poika, Eetu-poika, ja Ellan äiti; etunimi(at)kunta.fi; Päivi kiittää."
    findings = scan(text)
    previous = 0
    for finding in findings:
        assert isinstance(finding, Finding)
        assert text[finding.start : finding.end] == finding.match
        assert finding.start >= previous
        previous = finding.end
    assert {f.kind for f in findings} >= {
        FindingKind.CHILD_DESCRIPTION,
        FindingKind.CHILD_NAME,
        FindingKind.EMAIL,
    }
