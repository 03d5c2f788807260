"""The catalogue facts beyond a service's basic entry (regional companies, the tool's default retention, the
checked date) survive every trip: the file, the database copy, dumpclauses and the admin form."""

import hashlib
import json
import shutil
from dataclasses import asdict, replace
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from policybuilder.editing.forms import ServiceForm
from policybuilder.library.file_writer import services_text
from policybuilder.library.files import library_files_read
from policybuilder.library.models import LibraryRevision, Service
from policybuilder.library.selectors import library_snapshot, service_data
from tests.base import CLAUSES

pytestmark = pytest.mark.django_db
FILES = {s.slug: s for s in library_files_read(CLAUSES).services}


def test_the_file_reader_carries_regional_companies_retention_and_the_checked_date():
    paypal, analytics = FILES["paypal"], FILES["google-analytics"]
    assert paypal.entities == (("EU", "PayPal (Europe) S.à r.l. et Cie, S.C.A."), ("GB", "PayPal UK Ltd"))
    assert (analytics.retention_months, analytics.checked) == (2, "2026-12-01")  # an unquoted YAML date, as text
    assert FILES["meta-pixel"].role == "joint"


def test_the_database_copy_holds_the_same_facts_and_stores_regions_as_a_mapping():
    row = Service.objects.get(slug="paypal")
    assert row.entities == {"EU": "PayPal (Europe) S.à r.l. et Cie, S.C.A.", "GB": "PayPal UK Ltd"}
    assert row.checked == "2026-12-01"
    assert {s.slug: s for s in library_snapshot().services} == FILES


def test_every_checked_date_is_a_date_and_every_region_a_code():
    for service in FILES.values():
        assert service.checked in ("", "2026-12-01"), service.slug
        assert all(region == "EU" or len(region) == 2 and region.isupper() for region, _ in service.entities)


def test_an_edited_region_reaches_the_file_in_its_place_and_reads_back(tmp_path: Path):
    library = Path(shutil.copytree(CLAUSES, tmp_path / "clauses"))
    row = Service.objects.get(slug="klarna")
    row.entities = {"NO": "Klarna Norge", "GB": "Klarna Financial Services UK Limited"}  # NO: YAML's false
    row.retention_months = 6
    row.save()
    call_command("dumpclauses", "--dir", str(library), stdout=StringIO())
    text = (library / "services.yaml").read_text(encoding="utf-8")
    entry = text[text.index("- slug: klarna") :].split("\n\n")[0]
    assert '    "NO": Klarna Norge' in entry and "  retention_months: 6\n" in entry + "\n"
    reread = next(s for s in library_files_read(library).services if s.slug == "klarna")
    assert reread == service_data(Service.objects.get(slug="klarna"))
    assert yaml.safe_load(entry)[0]["entities"]["NO"] == "Klarna Norge"


def test_the_writer_leaves_an_unchanged_catalogue_byte_for_byte_as_it_was():
    text = (CLAUSES / "services.yaml").read_text(encoding="utf-8")
    assert services_text(list(FILES.values()), previous=text) == text


def test_the_admin_form_edits_regions_one_line_each_and_refuses_a_line_without_a_region():
    row = Service.objects.get(slug="paypal")
    form = ServiceForm(instance=row)
    assert form["entities"].value().splitlines() == [
        "EU: PayPal (Europe) S.à r.l. et Cie, S.C.A.",
        "GB: PayPal UK Ltd",
    ]
    assert form.fields["entities"].to_python("eu: PayPal Europe\nGB: PayPal UK Ltd") == {
        "EU": "PayPal Europe",
        "GB": "PayPal UK Ltd",
    }
    with pytest.raises(Exception, match="REGION: Company"):
        form.fields["entities"].to_python("PayPal Europe")


def test_a_row_loaded_before_these_fields_existed_is_updated_not_kept_as_an_editors_change():
    row = Service.objects.get(slug="paypal")
    before = replace(service_data(row), entities=(), checked="", company="PayPal Holdings, Inc.")
    old_shape = {k: v for k, v in asdict(before).items() if k not in ("entities", "retention_months", "checked")}
    Service.objects.filter(pk=row.pk).update(
        entities={}, checked="", company=before.company,
        loaded_hash=hashlib.sha256(json.dumps(old_shape, sort_keys=True).encode()).hexdigest(),
    )  # fmt: skip
    LibraryRevision.objects.update(files_hash="")  # that release recorded no fingerprint of the files it loaded
    out = StringIO()
    call_command("loadclauses", stdout=out)
    assert "kept editor's change" not in out.getvalue()
    assert Service.objects.get(slug="paypal").entities["EU"] == "PayPal (Europe) S.à r.l. et Cie, S.C.A."
