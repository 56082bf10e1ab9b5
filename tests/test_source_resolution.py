"""Sources resolved to the entity they name: appositions, descriptions of a business,
shortened names of a body."""

from __future__ import annotations

from typing import Any

from claimgraph.model import Attribution


def _by_cue(nlp: Any, text: str) -> dict[str, Attribution]:
    return {a.cue.text: a for a in nlp(text)._.cg_attributions if a.cue is not None}


def test_source_resolution_name_in_apposition_to_a_description(nlp: Any) -> None:
    text = (
        "Seventeen miners are trapped after the roof collapsed, the mine's owner, "
        "Stennard Mining, said. A hospital spokeswoman, Nina Varga, said four were hurt."
    )
    found = nlp(text)._.cg_attributions
    assert [(a.source_entity, a.source_titles) for a in found] == [
        ("Stennard Mining", ("owner",)),
        ("Nina Varga", ("hospital spokeswoman",)),
    ]


def test_source_resolution_name_the_recogniser_missed_closes_a_role(nlp: Any) -> None:
    text = "Six people have died, said the director of Pelham General Hospital, Rune Takala."
    (said,) = nlp(text)._.cg_attributions
    assert said.source_entity == "Rune Takala"
    assert said.source_titles == ("director of Pelham General Hospital",)


def test_source_resolution_the_company_is_the_business_named_before(nlp: Any) -> None:
    text = (
        "Skyway Air cancelled 300 flights on Monday. The Skyway Pilots Association "
        "blamed the cuts. The Capital Ledger first reported the strike. "
        "The airline said most passengers had been rebooked."
    )
    assert _by_cue(nlp, text)["said"].source_entity == "Skyway Air"


def test_source_resolution_business_noun_never_names_a_union_or_an_outlet(nlp: Any) -> None:
    text = (
        "The General Workers' Union called a strike, the Brannock Courier reported. "
        "The company said it would talk."
    )
    assert _by_cue(nlp, text)["said"].source_entity == "company"


def test_source_resolution_the_ministry_after_an_unnamed_ministry(nlp: Any) -> None:
    text = (
        "The health ministry said 40 cases had been confirmed. "
        "Doctors disputed the count. The ministry said on Friday that two had died."
    )
    saids = [a for a in nlp(text)._.cg_attributions if a.cue and a.cue.text == "said"]
    assert [a.source_entity for a in saids] == ["health ministry", "health ministry"]


def test_source_resolution_short_name_of_a_body_takes_its_full_name(nlp: Any) -> None:
    text = (
        "Pelham General Hospital said 12 patients were admitted. "
        "By Tuesday, Pelham General said, the wards were full."
    )
    saids = [a for a in nlp(text)._.cg_attributions if a.cue and a.cue.text == "said"]
    assert saids[0].source_entity == "Pelham General Hospital"
    assert saids[-1].source_entity == "Pelham General Hospital"


def test_source_resolution_description_must_fit_the_earlier_name(nlp: Any) -> None:
    text = (
        "The regional ambulance service said 42 people had been taken to hospital. "
        "The county fire service said 60 firefighters had fought the blaze. "
        "It declined to comment on the cause."
    )
    found = nlp(text)._.cg_attributions
    assert [a.source_entity for a in found] == [
        "regional ambulance service",
        "county fire service",
        "county fire service",  # "It": the last source that is not a person
    ]


def test_source_resolution_business_name_the_recogniser_took_for_a_person(nlp: Any) -> None:
    text = (
        "The Northgate Herald reported the fire first. The Herald said exits were locked. "
        "Harrow Textiles said it would pay its workers. The company said the stock was insured."
    )
    found = [a.source_entity for a in nlp(text)._.cg_attributions]
    assert found[-3:] == ["Northgate Herald", "Harrow Textiles", "Harrow Textiles"]


def test_source_resolution_pronoun_agrees_in_number_with_a_described_source(nlp: Any) -> None:
    text = (
        "Labor experts said the plan was vague. The county fire service said the blaze "
        "was out. They said costs would rise. It said the cause was unknown."
    )
    found = [a.source_entity for a in nlp(text)._.cg_attributions]
    assert found[-2:] == ["Labor experts", "county fire service"]


def test_source_resolution_description_matches_a_title_by_its_head(nlp: Any) -> None:
    text = (
        "The state's campaign chairman, Phil Lovas, said turnout was high. "
        "The campaign said it had raised $2 million."
    )
    found = [(a.source_entity, a.source_titles) for a in nlp(text)._.cg_attributions]
    assert found[0] == ("Phil Lovas", ("campaign chairman",))
    assert found[1][0] == "campaign"


def test_source_resolution_keeps_places_out_of_titles_and_names_together(nlp: Any) -> None:
    text = (
        "Rep. Elijah Cummings of Maryland said the hearing was a sham. "
        "Presidential candidates Hillary Clinton and Donald Trump said they would debate."
    )
    cummings, candidates = nlp(text)._.cg_attributions
    assert "Maryland" not in cummings.source_titles
    assert candidates.source_entity == "Hillary Clinton and Donald Trump"


def test_source_resolution_pronoun_skips_a_person_of_the_other_gender(nlp: Any) -> None:
    text = (
        "Donald Trump spoke first. Hillary Clinton said the plan was sound. "
        "He said it was a disaster."
    )
    found = [a.source_entity for a in nlp(text)._.cg_attributions]
    assert found == ["Hillary Clinton", "Donald Trump"]


def test_source_resolution_honorific_tells_the_pronoun_apart(nlp: Any) -> None:
    text = (
        "Mrs. Tellman said three workers were missing. Mr. Brandt arrived an hour later. "
        "She said the search would go on."
    )
    found = [a.source_entity for a in nlp(text)._.cg_attributions]
    assert found[-1] == "Tellman"


def test_source_resolution_short_name_after_a_fuller_one_of_the_same_body(nlp: Any) -> None:
    text = (
        "Work starts next spring, according to the city's transport department. "
        "Many lawmakers oppose the plan. The line will have 22 stops, the transport "
        "department said. Lawmakers said the cost was too high."
    )
    found = [a.source_entity for a in nlp(text)._.cg_attributions if a.cue.text != "oppose"]
    assert found == [
        "city's transport department",
        "city's transport department",
        "Lawmakers",  # a group of people, not a shorter name of "Many lawmakers"
    ]


def test_source_resolution_a_name_modifying_other_people_is_not_their_source(nlp: Any) -> None:
    text = (
        "Hillary Clinton spoke in Ohio. Clinton supporters said the rally was peaceful. "
        "Clinton aides said the speech went well."
    )
    found = [a.source_entity for a in nlp(text)._.cg_attributions]
    assert found == ["Clinton supporters", "Hillary Clinton"]
