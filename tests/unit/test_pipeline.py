"""edition/pipeline.py: each event's steps run after the steps they name in `after`.

The hooks this replaced ran in the order mkdocs.yml listed them, an order no
code checked: with the list reordered, a hook could run before the one whose
work it needs. These tests could not pass then (there was no `after` and no
`ordered`); now the order of every event is worked out from `after`, whatever
the order of the list, and a name that is no step or a cycle stops the build.
"""

from __future__ import annotations

import pytest

from edition.pipeline import STEPS, TREEPROCESSORS, OrderError, ordered, schedule
from edition.step import EVENTS, Step


def unsatisfied(steps: list[type[Step]], event: str) -> list[tuple[str, str]]:
    """(dependant, dependency) for each `after` of an event's steps that the order breaks."""
    order = ordered(steps, event)
    position = {step.name: index for index, step in enumerate(order)}
    return [
        (step.name, before)
        for step in order
        for before in step.after
        if before in position and position[before] > position[step.name]
    ]


@pytest.mark.parametrize("event", EVENTS)
def test_each_event_runs_every_step_that_defines_it_once(event):
    order = ordered(STEPS, event)
    assert sorted(step.name for step in order) == sorted(
        step.name for step in STEPS if event in step.events()
    )
    assert len({step.name for step in order}) == len(order)


@pytest.mark.parametrize("event", EVENTS)
def test_every_dependency_runs_before_its_dependant(event):
    assert unsatisfied(list(STEPS), event) == []


@pytest.mark.parametrize("event", EVENTS)
def test_the_list_reversed_still_runs_every_dependency_first(event):
    assert unsatisfied(list(reversed(STEPS)), event) == []


def test_the_dependencies_are_real_ones_of_the_same_event():
    # Not a vacuous check: some steps do wait for others at an event both take part in.
    names = {step.name for step in STEPS}
    assert all(set(step.after) <= names for step in STEPS)
    pairs = {
        (event, step.name, before)
        for event, order in schedule(STEPS).items()
        for step in order
        for before in step.after
        if before in {other.name for other in order}
    }
    assert ("files", "bibliography", "paper_text") in pairs
    assert ("post_page", "minify", "theme_markup") in pairs
    reversed_files = [step.name for step in ordered(reversed(STEPS), "files")]
    assert reversed_files.index("paper_text") < reversed_files.index("bibliography")
    assert reversed_files.index("paper_text") < reversed_files.index("whole_paper")


def test_every_step_has_a_unique_name_and_gives_each_dependency_a_reason():
    assert len({step.name for step in STEPS}) == len(STEPS)
    assert all(reason.strip() for step in STEPS for reason in step.after.values())
    assert len({tree_step.name for tree_step in TREEPROCESSORS}) == len(TREEPROCESSORS)
    assert all(tree_step.reason.strip() for tree_step in TREEPROCESSORS)


# Small steps of their own, to check the ordering itself


class First(Step):
    name = "first"

    def files(self, files, config):
        return None


class Second(Step):
    name = "second"
    after = {"first": "it reads what the first one wrote"}

    def files(self, files, config):
        return None


class Elsewhere(Step):
    name = "elsewhere"  # at another event only

    def post_build(self, config):
        return None


class AfterElsewhere(Step):
    name = "after_elsewhere"
    after = {"elsewhere": "at post_build only"}

    def files(self, files, config):
        return None


class Unknown(Step):
    name = "unknown"
    after = {"no_such_step": "a misspelt name"}

    def files(self, files, config):
        return None


class Chicken(Step):
    name = "chicken"
    after = {"egg": "one"}

    def files(self, files, config):
        return None


class Egg(Step):
    name = "egg"
    after = {"chicken": "the other"}

    def files(self, files, config):
        return None


def names(steps: list[type[Step]]) -> list[str]:
    return [step.name for step in steps]


def test_a_dependency_goes_first_whatever_the_list_s_order():
    assert names(ordered([Second, First], "files")) == ["first", "second"]
    assert names(ordered([First, Second], "files")) == ["first", "second"]


def test_only_the_steps_of_the_event_take_part_and_a_dependency_at_another_event_does_not_wait():
    assert names(ordered([AfterElsewhere, Elsewhere, First], "files")) == [
        "after_elsewhere",
        "first",
    ]
    assert names(ordered([AfterElsewhere, Elsewhere, First], "post_build")) == ["elsewhere"]


def test_an_unknown_name_in_after_is_refused():
    with pytest.raises(OrderError, match="unknown runs after no_such_step: no such step"):
        ordered([First, Unknown], "files")
    with pytest.raises(OrderError, match="no such step"):
        ordered([First, Unknown], "post_build")  # even at an event it does not take part in


def test_a_cycle_is_refused():
    with pytest.raises(OrderError, match="wait for each other"):
        ordered([First, Chicken, Egg], "files")
    with pytest.raises(OrderError, match="chicken, egg wait for each other"):
        schedule([Chicken, Egg, First])
