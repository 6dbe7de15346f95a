"""The form builder: staff edit, delete and reorder a call's questions; nobody else may, and
nothing changes once an application has been submitted or when the input is bad."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from startup_street.applications import services
from startup_street.applications.models import Answer, Question
from tests.factories import make_call, make_member, make_organization, make_program, make_user

pytestmark = pytest.mark.django_db


def _fields(**overrides):
    fields = {
        "kind": "short_text",
        "label": {"en": "Pitch"},
        "help_text": {},
        "required": True,
        "max_length": None,
        "choices": [],
    }
    return fields | overrides


def _post_fields(**overrides):
    data = {
        "kind": "short_text",
        "label_ko": "피치",
        "label_zh-hans": "",
        "label_en": "Pitch",
        "help_text_ko": "",
        "help_text_zh-hans": "",
        "help_text_en": "",
        "required": "on",
        "max_length": "",
        "choice_labels_ko": "",
        "choice_labels_zh-hans": "",
        "choice_labels_en": "",
    }
    return data | overrides


@pytest.fixture
def call(organization, alice):
    call = make_call(make_program(organization))
    for name in ("Pitch", "Team", "Market"):
        services.add_question(call=call, actor=alice, **_fields(label={"en": name}))
    return call


@pytest.fixture
def founder():
    return make_user("founder")


@pytest.fixture
def draft(call, founder):
    from tests.factories import make_startup

    return services.start_application(call=call, startup=make_startup(founder), user=founder)


def _labels(call):
    return [q.label["en"] for q in Question.objects.filter(form__call=call).order_by("position")]


def _question(call, name):
    return Question.objects.get(form__call=call, label__en=name)


def _edit_url(call, question):
    return reverse("applications:question_edit", args=[call.pk, question.pk])


def _submit(call, draft, founder):
    data = {str(q.pk): "x" for q in Question.objects.filter(form__call=call)}
    services.save_answers(application=draft, user=founder, data=data)
    services.submit_application(application=draft, user=founder)


# Services


def test_staff_add_puts_questions_at_the_end(call):
    assert _labels(call) == ["Pitch", "Team", "Market"]
    positions = list(Question.objects.filter(form__call=call).values_list("position", flat=True))
    assert sorted(positions) == [1, 2, 3]


def test_staff_edit_question(call, alice):
    question = _question(call, "Team")
    services.update_question(
        question=question,
        actor=alice,
        **_fields(
            label={"ko": "팀", "zh-hans": "团队", "en": "Team members"},
            help_text={"en": "Who are you?"},
            required=False,
            max_length=300,
        ),
    )
    question.refresh_from_db()
    assert question.label == {"ko": "팀", "zh-hans": "团队", "en": "Team members"}
    assert question.help_text == {"en": "Who are you?"}
    assert not question.required and question.max_length == 300


def test_choice_options_translated_and_values_kept(call, alice, draft, founder):
    question = _question(call, "Market")
    options = [
        {"label": {"ko": "한국", "en": "Korea"}},
        {"label": {"ko": "중국", "en": "China"}},
    ]
    services.update_question(
        question=question, actor=alice, **_fields(kind="choice", choices=options)
    )
    question.refresh_from_db()
    assert [c["value"] for c in question.choices] == ["1", "2"]
    assert question.choices[1]["label"] == {"ko": "중국", "en": "China"}
    services.save_answers(application=draft, user=founder, data={str(question.pk): "2"})
    # "China" keeps its value though it moves first; "Korea" goes, and its value is not given
    # to the new option
    options = [
        {"label": {"ko": "중국", "en": "China (mainland)"}},
        {"label": {"ko": "일본", "en": "Japan"}},
    ]
    services.update_question(
        question=question, actor=alice, **_fields(kind="choice", choices=options)
    )
    question.refresh_from_db()
    assert [c["value"] for c in question.choices] == ["2", "3"]
    assert Answer.objects.get(question=question).value == "2"
    # the option the draft chose is removed: its answer is dropped
    options = [{"label": {"en": "Japan"}}, {"label": {"en": "Taiwan"}}]
    services.update_question(
        question=question, actor=alice, **_fields(kind="choice", choices=options)
    )
    assert not Answer.objects.filter(question=question).exists()


def test_staff_delete_question_drops_draft_answers(call, alice, draft, founder):
    question = _question(call, "Team")
    services.save_answers(application=draft, user=founder, data={str(question.pk): "Two"})
    services.delete_question(question=question, actor=alice)
    assert _labels(call) == ["Pitch", "Market"]
    assert not Answer.objects.filter(application=draft).exists()
    positions = list(Question.objects.filter(form__call=call).values_list("position", flat=True))
    assert sorted(positions) == [1, 2]


def test_staff_reorder(call, alice):
    services.move_question(question=_question(call, "Market"), actor=alice, direction="up")
    assert _labels(call) == ["Pitch", "Market", "Team"]
    services.move_question(question=_question(call, "Pitch"), actor=alice, direction="down")
    assert _labels(call) == ["Market", "Pitch", "Team"]
    services.move_question(question=_question(call, "Market"), actor=alice, direction="up")
    services.move_question(question=_question(call, "Team"), actor=alice, direction="down")
    assert _labels(call) == ["Market", "Pitch", "Team"]  # the ends stay where they are


def test_reorder_with_equal_positions(call, alice):
    Question.objects.filter(form__call=call).update(position=0)
    services.move_question(question=_question(call, "Team"), actor=alice, direction="up")
    assert _labels(call) == ["Team", "Pitch", "Market"]


def test_edit_and_delete_refused_after_a_submission(call, alice, draft, founder):
    _submit(call, draft, founder)
    question = _question(call, "Team")
    with pytest.raises(ValidationError):
        services.update_question(question=question, actor=alice, **_fields(label={"en": "X"}))
    with pytest.raises(ValidationError):
        services.delete_question(question=question, actor=alice)
    question.refresh_from_db()
    assert question.label == {"en": "Team"} and _labels(call) == ["Pitch", "Team", "Market"]
    services.move_question(question=question, actor=alice, direction="up")  # still allowed
    assert _labels(call) == ["Team", "Pitch", "Market"]


def test_still_refused_after_the_submission_is_withdrawn(call, alice, draft, founder):
    _submit(call, draft, founder)
    services.withdraw_application(application=draft, user=founder)
    with pytest.raises(ValidationError):
        services.delete_question(question=_question(call, "Team"), actor=alice)


def test_type_change_refused_once_answered(call, alice, draft, founder):
    question = _question(call, "Team")
    services.save_answers(application=draft, user=founder, data={str(question.pk): "Two"})
    with pytest.raises(ValidationError) as error:
        services.update_question(question=question, actor=alice, **_fields(kind="number"))
    assert "kind" in error.value.message_dict
    question.refresh_from_db()
    assert question.kind == "short_text"
    # the same type with a new label is fine on a draft
    services.update_question(question=question, actor=alice, **_fields(label={"en": "Crew"}))
    question.refresh_from_db()
    assert question.label == {"en": "Crew"}


@pytest.mark.parametrize("who", ["founder", "other_staff", "charlie"])
def test_services_refuse_everyone_but_the_call_staff(call, founder, charlie, who):
    other_staff = make_user("other-staff")
    make_member(make_organization(slug="busan-hub"), other_staff, "admin")
    user = {"founder": founder, "other_staff": other_staff, "charlie": charlie}[who]
    question = _question(call, "Team")
    with pytest.raises(PermissionDenied):
        services.update_question(question=question, actor=user, **_fields(label={"en": "X"}))
    with pytest.raises(PermissionDenied):
        services.delete_question(question=question, actor=user)
    with pytest.raises(PermissionDenied):
        services.move_question(question=question, actor=user, direction="up")
    with pytest.raises(PermissionDenied):
        services.add_question(call=call, actor=user, **_fields())
    assert _labels(call) == ["Pitch", "Team", "Market"]


# Web


def test_builder_page_lists_questions_with_actions(client_for, call, bob):
    response = client_for(bob).get(reverse("applications:form_builder", args=[call.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Move up" in body and "Move down" in body
    assert _edit_url(call, _question(call, "Team")) in body


def test_web_add_edit_move_delete(client_for, call, bob):
    client = client_for(bob)
    builder = reverse("applications:form_builder", args=[call.pk])
    data = _post_fields(
        kind="choice",
        label_en="Stage",
        choice_labels_ko="아이디어\n제품",
        choice_labels_en="Idea\nProduct",
    )
    assert client.post(builder, data).status_code == 302
    stage = _question(call, "Stage")
    assert stage.position == 4
    assert stage.choices == [
        {"value": "1", "label": {"ko": "아이디어", "en": "Idea"}},
        {"value": "2", "label": {"ko": "제품", "en": "Product"}},
    ]
    page = client.get(_edit_url(call, stage))
    assert page.status_code == 200 and "Idea\nProduct" in page.content.decode()
    data = _post_fields(kind="choice", label_en="Stage", choice_labels_en="Idea\nProduct\nRevenue")
    assert client.post(_edit_url(call, stage), data).status_code == 302
    stage.refresh_from_db()
    assert [c["label"] for c in stage.choices] == [
        {"en": "Idea"},
        {"en": "Product"},
        {"en": "Revenue"},
    ]
    move = reverse("applications:question_move", args=[call.pk, stage.pk])
    assert client.post(move, {"direction": "up"}).status_code == 302
    assert _labels(call) == ["Pitch", "Team", "Stage", "Market"]
    delete = reverse("applications:question_delete", args=[call.pk, stage.pk])
    assert client.post(delete).status_code == 302
    assert _labels(call) == ["Pitch", "Team", "Market"]


@pytest.mark.parametrize(
    "overrides",
    [
        {"label_ko": "", "label_en": ""},  # no label in any language
        {"kind": "choice", "choice_labels_en": "Only one"},  # too few options
        {"kind": "choice", "choice_labels_ko": "하나\n둘\n셋", "choice_labels_en": "One\nTwo"},
        {"kind": "choice", "choice_labels_en": "x" * 201 + "\nTwo"},  # option too long
        {"kind": "nonsense"},
        {"max_length": "-5"},
        {"max_length": "99999999999999"},
        {"max_length": "many"},
        {"label_en": "x" * 501},
    ],
)
def test_bad_edit_is_a_field_error_and_changes_nothing(client_for, call, bob, overrides):
    question = _question(call, "Team")
    response = client_for(bob).post(_edit_url(call, question), _post_fields(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors
    after = Question.objects.get(pk=question.pk)
    assert (after.label, after.kind, after.max_length, after.choices) == (
        {"en": "Team"},
        "short_text",
        None,
        [],
    )


def test_bad_add_changes_nothing(client_for, call, bob):
    builder = reverse("applications:form_builder", args=[call.pk])
    response = client_for(bob).post(builder, _post_fields(kind="choice", choice_labels_en="One"))
    assert response.status_code == 200 and response.context["form"].errors
    assert Question.objects.filter(form__call=call).count() == 3


def test_bad_move_changes_nothing(client_for, call, bob):
    question = _question(call, "Team")
    url = reverse("applications:question_move", args=[call.pk, question.pk])
    assert client_for(bob).post(url, {"direction": "sideways"}).status_code == 302
    assert _labels(call) == ["Pitch", "Team", "Market"]


def test_web_edit_after_submission_is_a_translated_error(client_for, call, bob, draft, founder):
    _submit(call, draft, founder)
    question = _question(call, "Team")
    client = client_for(bob)
    response = client.post(_edit_url(call, question), _post_fields(label_en="Crew"))
    assert response.status_code == 200
    assert "has been submitted" in " ".join(response.context["form"].non_field_errors())
    delete = reverse("applications:question_delete", args=[call.pk, question.pk])
    response = client.post(delete, follow=True)
    assert "has been submitted" in response.content.decode()
    assert _labels(call) == ["Pitch", "Team", "Market"]
    question.refresh_from_db()
    assert question.label == {"en": "Team"}


def test_web_type_change_refused_once_answered(client_for, call, bob, draft, founder):
    question = _question(call, "Team")
    services.save_answers(application=draft, user=founder, data={str(question.pk): "Two"})
    response = client_for(bob).post(
        _edit_url(call, question), _post_fields(kind="number", label_en="Team")
    )
    assert response.status_code == 200 and "kind" in response.context["form"].errors
    assert Question.objects.get(pk=question.pk).kind == "short_text"


def _doors(call, question):
    edit = _edit_url(call, question)
    delete = reverse("applications:question_delete", args=[call.pk, question.pk])
    move = reverse("applications:question_move", args=[call.pk, question.pk])
    return [
        ("get", edit, {}),
        ("post", edit, _post_fields(label_en="Hacked")),
        ("post", delete, {}),
        ("post", move, {"direction": "up"}),
    ]


@pytest.mark.parametrize(
    ("who", "published", "status"),
    [
        ("founder", True, 403),  # sees the call, cannot change it
        ("other_staff", True, 403),
        ("other_staff", False, 404),  # cannot see an unpublished call
        ("founder", False, 404),
    ],
)
def test_web_refuses_everyone_but_the_call_staff(
    client_for, call, founder, draft, who, published, status
):
    call.program.is_published = published
    call.program.save()
    other_staff = make_user("other-staff")
    make_member(make_organization(slug="busan-hub"), other_staff, "admin")
    client = client_for({"founder": founder, "other_staff": other_staff}[who])
    question = _question(call, "Team")
    for method, url, data in _doors(call, question):
        assert getattr(client, method)(url, data).status_code == status, url
    assert _labels(call) == ["Pitch", "Team", "Market"]
    assert Question.objects.get(pk=question.pk).label == {"en": "Team"}


def test_question_of_another_call_is_not_found(client_for, call, bob, organization, alice):
    other = make_call(make_program(organization))
    services.add_question(call=other, actor=alice, **_fields(label={"en": "Elsewhere"}))
    question = Question.objects.get(form__call=other)
    assert client_for(bob).get(_edit_url(call, question)).status_code == 404


def test_only_an_optional_question_can_be_added_after_a_submission(call, alice, draft, founder):
    _submit(call, draft, founder)
    with pytest.raises(ValidationError) as refused:
        services.add_question(call=call, actor=alice, **_fields(label={"en": "Revenue"}))
    assert "required" in refused.value.message_dict
    assert _labels(call) == ["Pitch", "Team", "Market"]
    services.add_question(
        call=call, actor=alice, **_fields(label={"en": "Revenue"}, required=False)
    )
    assert _labels(call) == ["Pitch", "Team", "Market", "Revenue"]
