"""Rules from the real corpus in session 17 (gate 33, five languages): statements in a script
the check-worthiness scorer never learnt, a headline whose <h1> adds a byline line or the
edition's front-page link, and the language a page's script names when it declares none."""

from __future__ import annotations

from pipeline_pages import sentence

from app.pipeline import run_pipeline
from app.pipeline.checkworthiness.scripts import UNREAD_FEATURE, unread_score
from app.pipeline.page.script_language import language_of_script


def test_a_statement_with_a_number_in_an_unread_script_is_a_claim() -> None:
    assert unread_score("目前，Hater 拥有 31 万注册用户。") is not None
    assert unread_score("目前，Hater 拥有 31 万注册用户。") > 0.5
    assert unread_score("Hater 为你提供了四个选项，你可以滑动来表态。") > 0.5  # 四个: four of
    assert unread_score("与让你直接刷脸看颜值的约会软件不太一样。") < 0.5  # 一样: "the same"
    assert unread_score("讨厌特朗普？") < 0.5  # a question
    assert (
        unread_score("この記事は会員限定です。電子版に登録すると続きをお読みいただけます。") < 0.5
    )
    assert unread_score("The council approved 31 new homes.") is None  # the scorer reads English


def test_chinese_statements_with_numbers_are_claims_and_questions_are_not() -> None:
    body = (
        "<p>讨厌特朗普？不爱自拍？</p><p>目前，Hater 拥有 31 万注册用户。平均有 3 万的日活量。</p>"
        "<p>喜欢这篇文章？去 App 商店搜索我们的应用，每天看点不一样的。</p>"
    )
    page = f"""<html lang="zh-CN"><head><meta charset="utf-8">
<title>约会软件 Hater 的用户数_好奇心日报</title></head><body><article>
<h2 class="article-title">约会软件 Hater 的用户数</h2>{body}
</article></body></html>"""
    ext = run_pipeline(page, "http://www.example.cn/articles/1.html")
    users = sentence(ext, "目前，Hater 拥有 31 万注册用户。")
    assert users.is_claim
    assert UNREAD_FEATURE in users.features
    assert not sentence(ext, "讨厌特朗普？").is_claim


def test_a_headline_followed_by_a_byline_line_inside_its_h1_is_the_title_alone() -> None:
    headline = "米朝首脳直通電話 習氏に挑むトランプ戦術の成否"
    page = f"""<html lang="ja"><head><meta charset="utf-8">
<title>{headline}（写真＝ロイター）：日本経済新聞</title>
<meta property="og:title" content="{headline}（写真＝ロイター）"></head><body>
<div class="content"><h1 class="cmn-article_title"><span class="headline">{headline}</span>
<br/><span class="byline">編集委員 中沢克二</span></h1>
<p>トランプ米大統領は12日、北朝鮮の金正恩委員長と初めて会談し、共同声明に署名した。</p>
<p>両首脳は約40分間、通訳だけを交えて1対1で話し合った。</p></div></body></html>"""
    ext = run_pipeline(page, "https://www.example.jp/article/DGXMZO31916990Y8A610C1000000/")
    assert ext.title == headline


def test_a_headline_followed_by_a_link_to_the_editions_front_page_is_the_title_alone() -> None:
    headline = "Anticorrupción decidirá en Madrid si recurre la imputación de la Infanta"
    page = f"""<html lang="es"><head><meta charset="utf-8">
<title>{headline} » Local » Noticias » Ultima Hora Mallorca</title>
<meta property="og:title" content="{headline}"></head><body>
<header><h1><span class="define">{headline}</span><a href="/mallorca.html">Ultima Hora
Mallorca</a></h1></header><article>
<p>El fiscal Anticorrupción estudia con su superior en Madrid la estrategia a seguir tras el
auto del juez, que cita a declarar a la Infanta el 8 de marzo.</p>
<p>El juez señala en el auto que hay 14 indicios contra ella.</p></article></body></html>"""
    ext = run_pipeline(page, "http://ultimahora.example.es/noticias/local/2014/01/08/1.html")
    assert ext.title == headline


def test_a_deals_pages_product_lines_and_disclosure_cite_and_claim_nothing() -> None:
    deals = [
        ("Fire Tablet, 7&quot; Display, Wi-Fi, 8 GB - Includes Special Offers", "39.99", "49.99"),
        ("Checkered Chef Pizza Cutter With Cover. Heavy Duty Stainless Steel.", "14.99", "29.99"),
        ("Hot Wheels Ai Intelligent Race System Starter Kit", "49.99", "99.99"),
    ]
    lines = "".join(
        f'<p><a href="https://www.amazon.com/dp/B00{n}%3Fpsc%3D1%26tag%3Dsite-20">{name} for '
        f"${price} (list price ${was})</a></p>"
        for n, (name, price, was) in enumerate(deals)
    )
    page = f"""<html><head><title>Holiday Amazon deals - Example Floss</title></head><body>
<article><h1>Holiday Amazon deals</h1>
<p>Example Floss has affiliate relationships with certain retailers, including Amazon, and may
receive a small percentage of any sale.</p>
<p>Amazon cut the price of its Fire tablet by 20% this week, <a
href="https://www.example.com/2016/12/fire-price-cut">the retailer announced</a>.</p>
{lines}</article></body></html>"""
    ext = run_pipeline(page, "http://example-floss.com/article/90140/amazon-deals")
    cited = {c.url for s in ext.sentences for c in s.citations if c.url}
    assert cited == {"https://example.com/2016/12/fire-price-cut"}
    assert not sentence(ext, "Example Floss has affiliate relationships").is_claim


def test_a_page_that_declares_no_language_is_named_by_its_script() -> None:
    assert language_of_script("目前，Hater 拥有 31 万注册用户。平均有 3 万的日活量。") == "zh"
    assert language_of_script("米朝首脳直通電話 習氏に挑むトランプ戦術の成否") == "ja"
    assert language_of_script("ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท") == "th"
    assert language_of_script("The council approved 31 new homes.") is None  # Latin: any language
    page = """<html><head><meta charset="utf-8"><title>约会软件_好奇心日报</title></head><body>
<article><h1>约会软件的用户</h1><p>目前，Hater 拥有 31 万注册用户。平均有 3 万的日活量。</p>
</article></body></html>"""
    assert run_pipeline(page, "http://www.example.cn/articles/2.html").language == "zh"


def test_arabic_script_with_persian_letters_names_no_language() -> None:
    assert (
        language_of_script("وقال المرصد السوري لحقوق الإنسان إن مقاتلين سيطروا على المخازن") == "ar"
    )
    assert language_of_script("گزارش‌ها نشان می‌دهد که پنج نفر در این حادثه کشته شدند") is None
