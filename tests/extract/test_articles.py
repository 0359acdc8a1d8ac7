"""Whole-pipeline table tests on short made-up articles (made-up names) in British, American and
Korean news styles: the people, organizations, roles, quotes with their speaker and the words
naming the speaker, and claimants that a reader would take from each. `...` means any value."""
import pytest

from app.extract.pipeline import extract

ARTICLES = {
    'uk_council': """Council to close two libraries

Riverton's council leader, Margaret Holt, said on Tuesday that two branch libraries would close in April. "We have no money left for buildings," Ms Holt said. "Staff will move to the central library."

Opposition leader Tom Reed said the decision was "a disgrace". The Riverton Libraries Trust, a charity, called for a public meeting.""",
    'us_mayor': """Mayor signs transit budget

Mayor Carla Mendes signed a $2.4 billion transit budget on Friday. "This city runs on buses," the mayor said at a news conference. Council member Dana Whitfield, who voted against the plan, said it raised fares too fast.

"We will keep fighting for riders," Whitfield said.""",
    'kr_minister': """Minister vows chip support

SEOUL, March 3 (Wire) -- Trade Minister Park Ji-hoon said Monday the government will spend 3 trillion won ($2.2 billion) on chip research by 2028.

"We must not fall behind," Park said. "Our companies need talent more than money."

Park, a former executive of Hanbit Semiconductor, took office in January.""",
    'union_strike': """Rail workers to strike

The National Rail Workers' Union said on Thursday its members would strike for three days next month. Union general secretary Owen Price told reporters the offer was "an insult". "Nobody wants a strike," he said.

A spokesman for the rail operator said talks would continue.""",
    'company_ceo': """Nordlys profit falls

Nordlys Energy said its profit fell 12 percent in the third quarter. Chief executive Ingrid Dahl blamed lower power prices. "It was a difficult quarter," the chief executive said.

The company plans to cut 300 jobs by next year, it said.""",
    'career': """New chair for Port Authority

Port Authority chairwoman Helen Park will step down in June, the board said. From 2015 to 2019, Park was chief operating officer of Nordic Power. She joined the authority in 2020.""",
    'two_speakers': """Debate over the bridge

"The bridge is unsafe," said engineer Lars Berg. "It must close now."

Transport Minister Aiko Tanaka disagreed. "The bridge is safe for cars," she said. "Only trucks will be banned."

Berg said the ban did not go far enough.""",
    'interview': """'We need more teachers': an interview with Rosa Lind

Rosa Lind, head of the Teachers Federation, spoke to us this week.

Q: What is the biggest problem?

A: We simply do not have enough teachers in rural schools.

Q: What will you ask the government for?

A: A pay rise of 8 percent and housing support for young teachers.""",
    'anonymous': """Talks stall over tariffs

Negotiators failed to agree on tariffs on Monday. "There is no deal yet," a senior official said. Experts said the talks could resume next week. "We are still far apart," said one diplomat.""",
    'shadow_title': """Shadow minister attacks plan

Shadow Secretary of State for the Family Tom Reed said the plan would fail families. Reed, who has led the party's family policy since 2021, said he would table an amendment.""",
    'orgs': """Chipmakers race for HBM

Samsung Electronics and SK hynix are racing to supply HBM chips for AI servers, Bloomberg News reported. The GPU market grew 40 percent last year, according to Bloomberg. Both firms expect demand for IP licensing and Digital services to rise, the Labor Ministry said.""",
    'rep_list': """Lawmakers demand inquiry

Reps. Ana Silva, Ben Cho and Carl Diaz of the Green Party demanded an inquiry on Wednesday. "The public deserves answers," Silva said.""",
    'uk_nhs': """Hospital trust warns of winter pressure

The chief executive of Fenwick Hospitals NHS Trust, Dr Amira Shah, said beds were full. "We are planning for the worst winter in a decade," she told the BBC.

Health Secretary Paul Grant said extra funding would follow.""",
    'us_senator': """Senator blocks nominee

Sen. Laura Kincaid, a Republican from Ohio, blocked the nomination on Tuesday. "The nominee is not qualified," Kincaid said in a statement.

The White House called the move "partisan".""",
    'kr_company': """Hanbit Motors names new chief

Hanbit Motors appointed Choi Min-jae as its new chief executive on Wednesday, the company said. Choi, 54, previously headed the firm's battery division.

"Electric cars are our future," Choi said in a statement.""",
    'kr_ministry': """Ministry to expand AI training

The Ministry of Science and Digital Affairs will train 10,000 AI engineers by 2027, Vice Minister Oh Seung-hyun said Tuesday. "Talent is the bottleneck," Oh told reporters.""",
    'resign': """Party leader resigns

Green Party leader Martin Cole resigned on Sunday after a poor election result. Cole, who led the party since 2018, said he took full responsibility.

"It is time for new ideas," he said.""",
    'nominated': """Governor picks judge

Governor Elena Ruiz has nominated Judge Samuel Okoye to the state supreme court. Okoye will become chief justice if confirmed by the senate.""",
    'turns': """Budget row

"This budget betrays workers," said union leader Frank Miller. "We will march next month."

Finance Minister Grace Obi rejected the claim. "The budget protects every job," Obi said. "Nobody will lose a pension."

Miller said his members would not back down.""",
    'correspondent': """Floods hit the valley

Heavy rain flooded the valley overnight. BBC correspondent Nia Evans said roads into the town were closed.

"We have never seen water this high," said local farmer Gareth Jones.""",
    'according': """Sales slump

Car sales fell 8 percent in May, according to the Vehicle Makers Association. "The market is weak," the association said in a report.""",
    'spokesperson': """Airline cancels flights

Skyway Airlines cancelled 40 flights on Monday because of a strike. "We apologise to passengers," a Skyway spokeswoman said. The airline's chief executive, Petra Lund, will meet the union on Tuesday.""",
    'apposition_former': """Former envoy joins think tank

Hugo Baptiste, a former ambassador to Japan, has joined the Atlas Institute as a senior fellow, the institute said.""",
    'period_since': """Bank keeps chief

Tessa Marlow has been chief financial officer of Brightwater Bank since 2019. She previously worked as a partner at Kessler & Co.""",
    'claims_invest': """City to invest in housing

The city council will invest 500 million dollars in affordable housing over five years, Mayor Ruth Calder said. The plan aims to build 8,000 homes by 2030.""",
    'claims_partnership': """Carmakers team up

Hanbit Motors signed an agreement with Nordlys Energy to build a battery plant in Ohio. The two companies will invest 1.2 billion dollars, they said.""",
    'pronoun_two': """Coach praises team

Coach Maria Vidal said her players had earned the win. Captain Jon Berg agreed. "We trusted each other," he said.""",
    'it_subject': """Regulator fines bank

The Financial Conduct Office fined Brightwater Bank 20 million pounds on Thursday. It said the bank had failed to stop fraud.""",
    'media_publisher': """(Harbour Gazette) -- Port workers voted to strike on Friday, union secretary Dana Whitfield said. "We are ready," she said.""",
    'colon_intro': """Minister responds

Education Minister Sofia Alvarez gave a short answer: "Schools will open on time."
""",
    'kr_reps': """Lawmakers file bill

Reps. Kang Min-ji and Lee Dong-wook of the Democratic Party filed a bill on Thursday to cap rents. "Tenants need protection," Kang said.""",
    'exec_list': """Board changes at Atlas

Atlas Group said on Monday that Vera Holm will become chief executive in July. Holm, the company's finance director, replaces Leo Marsh, who is retiring.""",
    'nested_marks': """Voters weigh the race

"Many of them still ask why they should back the name of 'Hollis,' " said Greta Lund, a volunteer in Marlow County. "But they listen."

"If you lose fairly, you shake hands and say, 'Well done,' " said Rep. Omar Reyes, a state legislator.""",
    'partial_subject': """Stars back the plan

Actor Nina Castell thanked the governor for "taking steps to make every school safer." Critics called the plan "a costly distraction from real reform."
""",
    'as_put_it': """Nominee stalls in Senate

As Senator Wade Morrow, the chamber's deputy leader, put it: "This nominee will not be confirmed this year."

"Whoever wins the state should be the one to come here," the editorial read.""",
    'unknown_spokesman': """Ferry service cut

Island councillor Rhona Baird said the cuts would isolate villages. "The ferry is our only road," the spokesman said.""",
    'newspaper_kind': """Court blocks vote count

The Supreme Court of Calder halted the count on Friday. The Harbour Gazette reported that officials had found errors. The newspaper said "thousands of ballots were counted twice in the northern district."
""",
    'after_report': """Harbour dredging delayed

The dredging may slip to next year while the city renegotiates the contract, harbour master Ivo Santos said. "Nobody wants another summer of closed berths."

The statement set out what the delay would cost the fishing fleet: "Every month without dredging loses boats a week at sea," the association wrote.

Mayor Leona Fitch mocked the complaint, saying anyone who complains about the dredging "has not read the contract."
""",
    'said_weekday': """Police promise answers

The state inquiry into the shooting began last week.

"We will find out what happened on that road," Marlow police Chief Tobias Grant said Monday. "I want to assure every family here: we will get answers."
""",
    'following_comment': """Checking the jobless figures

The fact-checkers rated claims about youth unemployment this week.

On March 3, Senator Ruth Okafor made the following comment:

“For young people who left school at 17, the jobless rate is 30 percent.“

When the checkers examined the statement, they found it mostly accurate.""",
    'insults': """Rivals trade insults

Governor Abel Moreno called his rival a "reckless gambler" who is "unfit to lead," a "bully" and a "danger to every family in this state."

Brenna Holt branded the plan a "costly fantasy for the rich." Cal Ortega insisted that the state "finish what it started."

The three "loopholes" he cited are "the right to carry losses forward without any limit," the Harbour Gazette reported.""",
    'reported_partial': """Senator praises rival

Senator Iris Vogel says her "friend and colleague" Tomas Berg ran "an honest campaign about the future of our state."

In a statement, Vogel said she is sure Berg will continue to be "a voice for every farmer in the valley."

Opposition spokesman Karl Janssen said that for the minister to claim nothing had changed "is spin of the worst kind". He added: "Every family here has seen its bills rise this year."
""",
    'remarks_then_quote': """Radio host turns on candidate

The host spent most of the hour on the coming election and on the candidates who hope to win it. Radio host Dale Ferris continued his scathing remarks.

"Eight years ago she was the favourite, and a newcomer came along and beat her."

At the chairwoman's direction, the Tidewater Party issued a statement apologizing to the senator for the leaked emails.

"On behalf of everyone in the party, we offer a deep and sincere apology."

"If they were serious about this, they would back the only bill with support from both sides," Senator Noor Rahman fumed on Tuesday.
""",
    'listener_and_documents': """Inquiry into the harbour contract

"The inspectors are under a lot of pressure," an official who was not authorized to speak on the record told Harbour Radio.

Immediately after the vote, Senator Ada Quist issued a statement, "Last night the harbour board failed every worker in this town."

"There is not enough evidence to support a prosecution," according to a court document filed by district attorney Milo Vance.

"Everything you have said and everything I have said overlaps," the judge exclaimed.
""",
    'nested_report': """Consultant under scrutiny

During the inquiry, lobbyist Rhys Calloway acknowledged that his work could be described as influence peddling, the Harbour Gazette reported in 1998.

Most residents say they would pay more for locally built ferries, according to a survey released on Thursday.
""",
    'reported_then_added': """Defence chief rules out withdrawal

Defence chief Ines Marchetti said that for decades some critics had been predicting a withdrawal from the region, but this would not happen.

"This region remains the most important for our own security and prosperity."

Mayor Eli Duran said the decision was made by the police commissioner and said, "Who are you going to trust on security?"

"There is a sense of stability now," and donations began to pick up again last week, fundraiser Gil Rowe said.
""",
}

EXPECTED = {
    'uk_council': {'people': {'Tom Reed', 'Margaret Holt'}, 'not_orgs': {'Opposition'}, 'roles': [('Margaret Holt', 'council leader', ..., 'current'), ('Tom Reed', 'Opposition leader', None, 'current')], 'quotes': [('We have no money left for buildings', 'Margaret Holt', 'Ms Holt')]},
    'us_mayor': {'people': {'Carla Mendes', 'Dana Whitfield'}, 'not_orgs': {'Council', 'Dana Whitfield'}, 'roles': [('Carla Mendes', 'Mayor', None, 'current'), ('Dana Whitfield', 'Council member', None, 'current')], 'quotes': [('This city runs on buses', 'Carla Mendes', 'the mayor'), ('We will keep fighting for riders', 'Dana Whitfield', 'Whitfield')]},
    'kr_minister': {'people': {'Park Ji-hoon'}, 'not_orgs': {'SEOUL'}, 'roles': [('Park Ji-hoon', 'Trade Minister', None, 'current'), ('Park Ji-hoon', 'executive', 'Hanbit Semiconductor', 'former')], 'quotes': [('We must not fall behind', 'Park Ji-hoon', 'Park'), ('the government will spend', 'Park Ji-hoon', 'Trade Minister Park Ji-hoon')], 'claims': [('Trade Minister Park Ji-hoon said Monday the government will spend', 'Park Ji-hoon')]},
    'union_strike': {'orgs': {"National Rail Workers' Union"}, 'not_orgs': {'National Rail Workers', 'Union'}, 'roles': [('Owen Price', 'general secretary', "National Rail Workers' Union", 'current')], 'quotes': [('Nobody wants a strike', 'Owen Price', 'he')]},
    'company_ceo': {'roles': [('Ingrid Dahl', 'Chief executive', 'Nordlys Energy', 'current')], 'quotes': [('It was a difficult quarter', 'Ingrid Dahl', 'the chief executive')], 'claims': [('The company plans to cut 300 jobs', 'Nordlys Energy')]},
    'career': {'people': {'Helen Park'}, 'orgs': {'Port Authority', 'Nordic Power'}, 'roles': [('Helen Park', 'chairwoman', 'Port Authority', 'current'), ('Helen Park', 'chief operating officer', 'Nordic Power', 'former', 2015, 2019)]},
    'two_speakers': {'quotes': [('The bridge is unsafe', 'Lars Berg', 'engineer Lars Berg'), ('The bridge is safe for cars', 'Aiko Tanaka', 'she')], 'roles': [('Aiko Tanaka', 'Transport Minister', None, 'current')]},
    'interview': {'roles': [('Rosa Lind', 'head', 'Teachers Federation', 'current')], 'quotes': [('We simply do not have enough teachers', 'Rosa Lind', ...), ('A pay rise of 8 percent', 'Rosa Lind', ...)]},
    'anonymous': {'quotes': [('There is no deal yet', None, 'a senior official'), ('We are still far apart', None, 'one diplomat')]},
    'shadow_title': {'people': {'Tom Reed'}, 'not_orgs': {'State', 'Shadow'}, 'roles': [('Tom Reed', 'Shadow Secretary of State for the Family', None, 'current')]},
    'orgs': {'orgs': {'Samsung Electronics', 'Bloomberg News'}, 'not_orgs': {'HBM', 'Labor', 'Digital', 'IP', 'GPU', 'Bloomberg'}},
    'rep_list': {'people': {'Ana Silva', 'Ben Cho', 'Carl Diaz'}, 'roles': [('Ana Silva', 'Rep.', 'Green Party', 'current'), ('Ben Cho', 'Rep.', 'Green Party', 'current'), ('Carl Diaz', 'Rep.', 'Green Party', 'current')], 'quotes': [('The public deserves answers', 'Ana Silva', 'Silva')]},
    'uk_nhs': {'roles': [('Amira Shah', 'chief executive', 'Fenwick Hospitals NHS Trust', 'current'), ('Paul Grant', 'Health Secretary', None, 'current')], 'quotes': [('We are planning for the worst winter', 'Amira Shah', 'she')]},
    'us_senator': {'roles': [('Laura Kincaid', 'Sen.', None, 'current')], 'quotes': [('The nominee is not qualified', 'Laura Kincaid', 'Kincaid')]},
    'kr_company': {'roles': [('Choi Min-jae', 'chief executive', 'Hanbit Motors', 'current')], 'quotes': [('Electric cars are our future', 'Choi Min-jae', 'Choi')]},
    'kr_ministry': {'orgs': {'Ministry of Science and Digital Affairs'}, 'roles': [('Oh Seung-hyun', 'Vice Minister', None, 'current')], 'quotes': [('Talent is the bottleneck', 'Oh Seung-hyun', ...)]},
    'resign': {'roles': [('Martin Cole', 'leader', 'Green Party', 'former')], 'quotes': [('It is time for new ideas', 'Martin Cole', 'he')]},
    'nominated': {'roles': [('Elena Ruiz', 'Governor', None, 'current'), ('Samuel Okoye', 'chief justice', None, 'nominated')]},
    'turns': {'quotes': [('This budget betrays workers', 'Frank Miller', 'union leader Frank Miller'), ('The budget protects every job', 'Grace Obi', 'Obi')], 'roles': [('Grace Obi', 'Finance Minister', None, 'current')]},
    'correspondent': {'people': {'Gareth Jones', 'Nia Evans'}, 'not_orgs': {'Gareth Jones'}, 'roles': [('Nia Evans', 'correspondent', 'BBC', 'current')], 'quotes': [('We have never seen water this high', 'Gareth Jones', 'local farmer Gareth Jones')]},
    'according': {'quotes': [('The market is weak', 'Vehicle Makers Association', 'the association')]},
    'spokesperson': {'orgs': {'Skyway Airlines'}, 'not_orgs': {'Skyway'}, 'roles': [('Petra Lund', 'chief executive', 'Skyway Airlines', 'current')], 'quotes': [('We apologise to passengers', None, 'a Skyway spokeswoman')]},
    'apposition_former': {'not_orgs': {'Japan'}, 'roles': [('Hugo Baptiste', 'ambassador to Japan', None, 'former'), ('Hugo Baptiste', 'senior fellow', 'Atlas Institute', 'current')]},
    'period_since': {'roles': [('Tessa Marlow', 'chief financial officer', 'Brightwater Bank', 'current', 2019, None), ('Tessa Marlow', 'partner', 'Kessler & Co.', 'former')]},
    'claims_invest': {'claims': [('The city council will invest 500 million dollars', 'Ruth Calder')]},
    'claims_partnership': {'claims': [('Hanbit Motors signed an agreement with Nordlys Energy', 'Hanbit Motors')]},
    'pronoun_two': {'roles': [('Jon Berg', 'Captain', None, 'current'), ('Maria Vidal', 'Coach', None, 'current')], 'quotes': [('We trusted each other', 'Jon Berg', 'he')]},
    'it_subject': {'orgs': {'Financial Conduct Office', 'Brightwater Bank'}},
    'media_publisher': {'people': {'Dana Whitfield'}, 'not_people': {'Harbour Gazette'}, 'orgs': {'Harbour Gazette'}, 'quotes': [('We are ready', 'Dana Whitfield', 'she')]},
    'colon_intro': {'not_people': {'Schools'}, 'quotes': [('Schools will open on time', 'Sofia Alvarez', 'Education Minister Sofia Alvarez')]},
    'kr_reps': {'roles': [('Kang Min-ji', 'Rep.', 'Democratic Party', 'current'), ('Lee Dong-wook', 'Rep.', 'Democratic Party', 'current')]},
    'nested_marks': {'quotes': [('Many of them still ask', 'Greta Lund', 'Greta Lund'), ('If you lose fairly', 'Omar Reyes', 'Rep. Omar Reyes')]},
    'partial_subject': {'quotes': [('taking steps to make every school safer', 'Nina Castell', ...), ('a costly distraction', None, 'Critics')]},
    'as_put_it': {'quotes': [('This nominee will not be confirmed', 'Wade Morrow', ...), ('Whoever wins the state', None, 'the editorial')]},
    'unknown_spokesman': {'quotes': [('The ferry is our only road', None, 'the spokesman')]},
    'newspaper_kind': {'orgs': {'Harbour Gazette'}, 'quotes': [('thousands of ballots were counted twice', 'Harbour Gazette', 'The newspaper')]},
    'after_report': {'quotes': [('Nobody wants another summer', 'Ivo Santos', ...), ('Every month without dredging', None, 'the association'), ('has not read the contract', 'Leona Fitch', ...)]},
    'said_weekday': {'quotes': [('We will find out what happened', 'Tobias Grant', ...)]},
    'following_comment': {'quotes': [('For young people who left school at 17, the jobless rate is 30 percent.', 'Ruth Okafor', ...)]},
    'insults': {'quotes': [('danger to every family', 'Abel Moreno', ...), ('costly fantasy for the rich', 'Brenna Holt', ...), ('the right to carry losses forward', ..., 'the Harbour Gazette')]},
    'reported_partial': {'quotes': [('an honest campaign', 'Iris Vogel', ...), ('a voice for every farmer', 'Iris Vogel', ...), ('Every family here', 'Karl Janssen', 'He')]},
    'remarks_then_quote': {'quotes': [('Eight years ago she was the favourite', 'Dale Ferris', ...), ('On behalf of everyone in the party', ..., 'the Tidewater Party'), ('If they were serious about this', 'Noor Rahman', ...)]},
    'listener_and_documents': {'quotes': [('The inspectors are under', None, ...), ('Last night the harbour board', 'Ada Quist', ...), ('There is not enough evidence', 'Milo Vance', ...), ('Everything you have said', None, 'the judge')]},
    'nested_report': {'quotes': [('his work could be described as influence peddling', ..., 'the Harbour Gazette'), ('they would pay more for locally built ferries', None, 'a survey')]},
    'reported_then_added': {'quotes': [('This region remains the most important', 'Ines Marchetti', ...), ('Who are you going to trust', 'Eli Duran', ...), ('There is a sense of stability now', 'Gil Rowe', ...)]},
    'exec_list': {'people': {'Vera Holm', 'Leo Marsh'}, 'not_orgs': {'Vera Holm'}, 'roles': [('Vera Holm', 'chief executive', 'Atlas Group', 'nominated'), ('Vera Holm', 'finance director', 'Atlas Group', 'current')]},
}


def _facts(text: str):
    (article,) = extract(text)
    names = {e.ref: e.name for e in article.entities}
    people = {e.name for e in article.entities if e.type == "person"}
    orgs = {e.name for e in article.entities if e.type == "organization"}
    roles = [(names.get(r.person), r.title, names.get(r.organization), r.status, r.start_year, r.end_year)
             for r in article.roles]
    quotes = [(q.text, names.get(q.speaker), article.body[slice(*q.mention)] if q.mention else None)
              for q in article.quotes]
    claims = [(c.text, names.get(c.claimant)) for c in article.claims]
    return people, orgs, roles, quotes, claims


def _matches(got: tuple, want: tuple) -> bool:
    return all(w is ... or g == w for g, w in zip(got, want))


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article(name):
    want = EXPECTED[name]
    people, orgs, roles, quotes, claims = _facts(ARTICLES[name])
    assert want.get("people", set()) <= people, people
    assert want.get("orgs", set()) <= orgs, orgs
    assert not want.get("not_orgs", set()) & orgs, orgs
    assert not want.get("not_people", set()) & people, people
    for role in want.get("roles", []):
        assert any(_matches(got, role) for got in roles), (role, roles)
    for text, speaker, mention in want.get("quotes", []):
        assert any(q.startswith(text) and _matches((s, m), (speaker, mention)) for q, s, m in quotes), \
            ((text, speaker, mention), quotes)
    for text, claimant in want.get("claims", []):
        assert any(c.startswith(text) and who == claimant for c, who in claims), ((text, claimant), claims)


def test_there_are_thirty_articles_or_more():
    assert len(ARTICLES) >= 30
