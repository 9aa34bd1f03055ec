"""Round 19's invented numbers that are no claim about repression, in the forms a web page on Soviet repression
plausibly holds: prices, rations, distances, years written oddly, dates with dots, page numbers and footnote marks,
ages, counts of books, papers, villages, cattle, tons, shares of the vote, margins of error, list numbering, ISBNs,
telephone numbers, orders and articles of the code, times of day.  None may be read as a claim; the near-misses
beside them are claims and must stay read.

The sentences are invented (none is copied from the labelled web set).
"""

from __future__ import annotations

import pytest

from gulagstats.factcheck.run import check_text


def _read(text: str) -> list[str]:
    return [f.mention for f in check_text(text, "a.txt").frames]


#: Sentences with no claim at all: nothing in them may be read.
NO_CLAIM = [
    # prices and rations
    "A loaf of bread cost 2 roubles 40 kopecks in Moscow in 1937.",
    "The book sells for $24.95 and the Kindle edition for $9.99.",
    "Буханка хлеба стоила 1 рубль 70 копеек в 1937 году.",
    "Зарплата рабочего составляла 250 рублей в месяц.",
    "Each deported family received a loan of 5,000 roubles to build a house.",
    "A ticket to the exhibition on the victims of the Terror costs 300 roubles.",
    "The exiles were given 2 roubles a day for food.",
    "Prisoners received 400 grams of bread a day.",
    "Ссыльным выдавали по 300 граммов хлеба в день.",
    "Заключенные получали 600 г хлеба, если выполняли норму.",
    "The Gulag's 1940 budget was 1.5 billion roubles.",
    "Бюджет ГУЛАГа составлял 1,5 млрд рублей.",
    # distances, weights, temperatures, times
    "The camp lay 1,200 kilometres north of Moscow, near the Arctic Circle.",
    "Лагерь находился в 40 км от Магадана.",
    "The prisoners were transported 6,000 kilometres to Kolyma.",
    "Заключённых везли 6 000 км до Колымы.",
    "Эшелон с депортированными прошел 4 000 км за 20 суток.",
    "Депортированные ехали 18 суток в товарных вагонах.",
    "The deportees travelled for 18 days in cattle cars.",
    "The deported families were allowed to take up to 500 kilograms of belongings.",
    "Депортированным разрешалось взять с собой до 500 кг имущества.",
    "Prisoners worked 12 hours a day at -40 degrees.",
    "Заключенные работали по 12 часов в сутки.",
    "The temperature at the camp was -45 °C in January 1938.",
    "In camp No. 2 the prisoners were shot at 22:00.",
    "The museum is open from 10:00 to 18:00.",
    # years written oddly, dates with dots
    "He was arrested in '37 and released in '56.",
    "В 37-м его арестовали, а в 56-м реабилитировали.",
    "The order was signed on 30.07.1937 and came into force on 05.08.1937.",
    "Приказ о расстреле подписан 01.08.1937.",
    "Arrested on 10.10.1937, shot on 20.12.1937.",
    "Арестован 12.11.1937, расстрелян 25.12.1937.",
    "He died in camp on 3.3.1942, aged 51.",
    "Умер в лагере 3.03.1942 в возрасте 51 года.",
    # pages, footnotes, references
    "See Conquest, The Great Terror, pp. 485-486.",
    "Земсков В. Н. ГУЛАГ // Социологические исследования. 1991. № 6. С. 10–27.",
    "The figure is disputed.[12] Historians disagree.[13]",
    "See note 45 on the executions.",
    "The shootings are described in chapter 12 of the report.",
    "Shot in 1938.[45]",
    "The Purges in Kazakhstan1 were studied by the commission.",
    "{{cite journal |last=Smith |title=Forced Labour in the Camps |jstor=152233 |pages=33–61 |volume=21}}",
    "ISBN 978-5-8243-1234-5.",
    "М.: Звенья, 1999. — 480 с. — ISBN 5-7870-0032-3.",
    # ages
    "He was 42 years old when he was arrested in 1937.",
    "He was arrested at the age of 42 and shot two months later.",
    "Расстрелян в 1938 году в возрасте 42 лет.",
    "The youngest of the executed was 15, the oldest 80.",
    "Самому младшему из расстрелянных было 15 лет.",
    # counts of things
    "The archive holds 12,000 files of people who were shot.",
    "В архиве хранится 40 тысяч дел репрессированных.",
    "The camps produced 400,000 tons of gold and timber in 1940.",
    "Some 300 villages were flooded by the new reservoir.",
    "Выселено 60 сел, изъято 40 тысяч голов скота.",
    "Поголовье скота сократилось на 15 миллионов голов.",
    "The deported Chechens left behind 30,000 head of cattle.",
    "The arrests destroyed 20 churches and 300 books of records.",
    "The memorial lists the shot on 48 granite slabs.",
    "Книга памяти содержит 900 страниц.",
    "Over the years the archive issued more than 20 thousand certificates of rehabilitation.",
    "Архив выдал более 15 тысяч справок о реабилитации и рассмотрел 40 тысяч запросов.",
    "It contained hundreds of portraits of people sentenced to death.",
    # shares of the vote, norms, margins of error
    "The party won 99.7 % of the vote in the 1937 elections.",
    "In the 1937 election 98.6 % voted for the bloc, while arrests went on.",
    "За кандидатов блока проголосовало 98,6 % избирателей.",
    "Norms were fulfilled at 150 per cent in the camps.",
    "Общее число репрессированных священников подсчитано с погрешностью в 30 %.",
    "This might be an underestimate of the executions by as much as 40 per cent.",
    # list numbering, telephone numbers, orders, articles
    "1) the arrest; 2) the interrogation; 3) the sentence.",
    "Call us at +7 (495) 225-31-17 for the museum's opening hours.",
    "Memorial: +7 (495) 225-31-17, victims of repression.",
    "Телефон: 8 (800) 555-35-35.",
    "Order No. 00447 on the repression of former kulaks was signed on 30 July 1937.",
    "Приказ НКВД № 00486 о репрессировании членов семей изменников Родины.",
    "Convicted under Article 58-10, he was shot.",
    "Осужден по ст. 58-10 УК РСФСР, расстрелян.",
    "Осуждён ОСО при НКВД СССР по ст. 58-10 на 5 лет ИТЛ.",
    "Sentenced under article 58 paragraph 10 to 10 years in the camps.",
    "Постановление № 1655 о реабилитации жертв репрессий.",
    "Заключенные лагпункта № 3 умирали от голода.",
]


@pytest.mark.parametrize("text", NO_CLAIM)
def test_no_claim_is_read(text: str) -> None:
    assert _read(text) == []


#: Near-misses: a claim beside (or in the form of) a non-claim, which must stay read.
CLAIMS = [
    (
        "Some 40,000 people died in the camp in 1942; they received 300 grams of bread a day.",
        "some 40,000",
    ),
    ("In 1938 the NKVD shot 1,500 people per day.", "1,500"),
    ("Under Order No. 00447, 386,798 people were shot.", "386,798"),
    ("По ст. 58 было осуждено 3,7 млн человек.", "3,7 млн"),
    (
        "More than 700,000 were shot.[23][24] The victims were buried at Butovo.",
        "more than 700,000",
    ),
    ("Расстреляно 20 761 человек.[12] Это подтверждают документы.", "20 761"),
    ("In 1937, 20 % of the party's members were arrested.", "20"),
    ("The oldest of the camps held 15,000 prisoners in 1938.", "15,000"),
    ("'37 were shot', the report of 1938 said.", "37"),
    (
        "In 1949, 94,000 people were deported from the Baltic republics, 12 hours after the order.",
        "94,000",
    ),
]


@pytest.mark.parametrize(("text", "kept"), CLAIMS)
def test_the_claim_beside_a_non_claim_is_read(text: str, kept: str) -> None:
    assert kept in _read(text)
