"""`reader extract --json` says what kind of page it read; front matter arrives through stdin too."""

import json

from typer.testing import CliRunner

from reader.cli import app

from .conftest import SAMPLE_HTML

runner = CliRunner()


def test_extract_json_reports_the_page_type(tmp_path):
    data = json.loads(runner.invoke(app, ["extract", str(SAMPLE_HTML), "--json"]).stdout)
    assert data["page_type"] == "article"
    product = tmp_path / "kettle.html"
    paragraphs = "".join(
        f"<p>The kettle boils a full litre in under three minutes and switches itself off safely, note {n}.</p>"
        for n in range(6)
    )
    product.write_text(
        '<html><head><meta property="og:type" content="product"><title>Kettle</title></head>'
        f"<body><main><h1>Steel kettle</h1>{paragraphs}</main></body></html>"
    )
    result = runner.invoke(app, ["extract", str(product), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["page_type"] == "product"


def test_front_matter_from_stdin_is_metadata_not_speech():
    text = "---\ntitle: Harbor notes\nauthor: Jane Doe\ndate: 2024-03-07\n---\n\nThe ferry will run every hour from Monday, the office said.\n"
    result = runner.invoke(app, ["extract", "-", "--json"], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "Harbor notes" and data["byline"] == "Jane Doe"
    assert all("title:" not in p["text"] for p in data["paragraphs"])
