"""Word and phrase lists behind the check-worthiness features, looked up by token sets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.pipeline.word_alternation import shared_prefixes

__all__ = [
    "CALL_TO_ACTION",
    "CAUSAL",
    "COMPARATIVE",
    "COUNT_WORD",
    "FUNCTION_WORDS",
    "FACT_VERB",
    "HEDGE",
    "OPINION",
    "QUANTIFIER",
    "REPORTING",
    "RHETORICAL",
    "Lexicon",
    "Words",
]

_TOKEN = re.compile(r"[a-z0-9][a-z0-9'&-]*")


@dataclass(frozen=True, slots=True)
class Words:
    """A sentence prepared once for many lexicon look-ups: lower-cased text and its tokens."""

    lower: str
    tokens: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Words:
        """Lower-case `text`, fold curly apostrophes and collect its tokens (with "x's" -> "x")."""
        lower = text.lower().replace("’", "'")
        found = _TOKEN.findall(lower)
        if "'s" not in lower:  # no token ends in "'s"
            return cls(lower, frozenset(found))
        return cls(lower, frozenset([*found, *(t[:-2] for t in found if t.endswith("'s"))]))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Words found by set intersection; phrases by one regex, tried only if a head word occurs."""

    words: frozenset[str]
    heads: frozenset[str]
    phrases: re.Pattern[str] | None

    @classmethod
    def of(cls, entries: str) -> Lexicon:
        """Build from "|"-separated words and phrases."""
        items = [e.strip() for e in entries.split("|") if e.strip()]
        phrases = sorted((e for e in items if " " in e), key=len, reverse=True)
        pattern = r"\b(?:" + shared_prefixes(phrases) + r")\b"
        return cls(
            words=frozenset(e for e in items if " " not in e),
            heads=frozenset(p.split()[0] for p in phrases),
            phrases=re.compile(pattern) if phrases else None,
        )

    def found(self, words: Words) -> bool:
        """True if any word or phrase of the lexicon occurs in the sentence."""
        if not self.words.isdisjoint(words.tokens):
            return True
        if self.phrases is None or self.heads.isdisjoint(words.tokens):
            return False
        return self.phrases.search(words.lower) is not None


# Words that carry no checkable content; the rest ("content words") measure how specific a
# sentence is: facts name things, asides gesture at them.
_FUNCTION = (
    "a an the and or but so yet if then than that this these those there here it its it's they"
    " them their we us our i me my you your he him his she her who whom whose which what when"
    " where why how is are was were be been being am do does did doing have has had having will"
    " would can could shall should may might must not no nor of in on at by for with from to"
    " into onto over under about as up down out off again further once all any both each few"
    " more most other some such only own same too very just also even still now well much many"
    " lot really quite rather almost already always never ever often sometimes because while"
    " although though whether either neither one ones thing things way ways get gets got make"
    " makes made come comes go goes going say says said take takes let let's don't doesn't"
    " didn't isn't aren't wasn't weren't won't can't hasn't haven't what's that's there's here's"
)
FUNCTION_WORDS = frozenset(_FUNCTION.split())
COUNT_WORD = Lexicon.of(
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    "|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens"
    "|half|a third|a quarter|twice|double|doubled|tripled|tenfold|one in"
)
REPORTING = Lexicon.of(
    "said|says|say|told|tells|reported|reportedly|reports|according to|stated|states that"
    "|announced|announces|estimated|estimates|found that|found|showed|shows that|disclosed"
    "|confirmed|published|cited|noted|revealed|claimed|testified|filed|recorded|ruled"
    "|concluded|acknowledged|warned|cautioned|argued|added|wrote in|documented|data from"
    "|figures from|survey|study|analysis|report"
)
FACT_VERB = Lexicon.of(
    "draws|attracts|accounts for|account for|consists of|requires|require|produces|produce"
    "|consumes|consume|contains|contain|costs|employs|owns|operates|uses|use|tend to|tends to"
    "|typically|usually|generally|on average|per year|each year|a year|annually|is available"
    "|are available|is owned|is located|is based|has spent|have spent|spends|launched|released"
    "|acquired|fined|approved|rejected|opposed|signed|opened|closed|raised|reached|exceeded"
    "|increased|decreased|declined|grew|doubled|surged|dropped|climbed|rose|fell|earned|lost|won"
    "|hired|banned|introduced|evolved|offered|expired|took effect|worldwide|nationwide"
    "|per capita|per cent|percent|includes|included|consisted of|comprises|comprised"
    "|each month|each quarter|each week|every year|every month|every quarter|per month"
    "|a month|monthly|quarterly|not allowed|not permitted|is allowed|are allowed|prohibited"
    "|permitted|required to|is required|are required|was required|were required"
)
CAUSAL = Lexicon.of(
    "because|because of|due to|as a result|caused|causes|leads to|led to|results in"
    "|associated with|linked to|driven by|thanks to|so that"
)
QUANTIFIER = Lexicon.of(
    "most of|majority|minority|a handful|at least|up to"
    "|nearly all|almost all|almost entirely|only a|all of|every year|some of|a fraction|at most"
    "|as many as|as much as|per square|overwhelmingly|predominantly|largely|mainly|mostly"
    "|chiefly|primarily|disproportionately|the bulk of"
)
COMPARATIVE = Lexicon.of(
    "more|less|fewer|larger|smaller|bigger|higher|lower|faster|slower|longer|shorter|cheaper"
    "|costlier|older|newer|greater|warmer|cooler|colder|hotter|heavier|lighter|stronger|weaker"
    "|wider|deeper|earlier|richer|poorer|younger"
)
RHETORICAL = Lexicon.of(
    "this is where|here's|here is|there's no|the answer|the truth|the question|the trouble"
    "|the problem is|the point is|what's clear|what happens|what matters|bottom line"
    "|make no mistake|for now|in short|in other words|that said|of course|to be sure"
    "|the timing|it's worth|the evidence|the reality|the real question|one thing|the stakes"
    "|time will tell|stay tuned|in the end|at the end of the day|the lesson|the takeaway"
    "|the upshot|open question|remains to be seen|only time|for years to come|middle ground"
    "|either a|is another|is one thing|is everything|is instructive|is telling"
    "|elephant in the room|either way|the short answer|the thing is|more on that|is clear"
    "|are clear|faces a choice|face a choice|raises questions|raises the question"
    "|uncomfortable question|big question|the bigger picture|the big picture|it's no secret"
    "|it is no secret|needless to say|it goes without saying|the good news|the bad news"
    "|more than ever|than ever before|now more than"
)
OPINION = Lexicon.of(
    "brilliant|catastrophic|telling|instructive|decisive|interesting|honest|complicated|nuanced"
    "|terrible|awful|perfect|perfectly|staggering|alarming|worrying|troubling|remarkable"
    "|fascinating|prosaic|obvious|obviously|clearly|crucial|mysterious|strange|surprising"
    "|surprisingly|ironic|ironically|absurd|ridiculous|stunning|shocking|impressive|disappointing"
    "|exciting|brutal|compelling|clever|foolish|wise|wisdom|mistake|misallocation|high-risk"
    "|puzzle|mixed|skepticism|anticipation|zeitgeist|inconvenience|hype"
    "|should|ought|deserve|deserves|unfair|wrong|worst|beautiful|ugly|sadly|unfortunately"
    "|fortunately|frankly|honestly|insane|crazy|genius|differentiator|landscape|tricky|elegant"
    "|messy|amazing|awesome|bizarre|boring|careless|clumsy|confusing|cynical|delightful"
    "|disaster|disastrous|dismal|dreadful|dubious|dumb|embarrassing|excellent|fantastic|flawed"
    "|glorious|gorgeous|hilarious|horrible|hypocritical|idiotic|incredible|inept|laughable|lazy"
    "|magnificent|marvelous|mediocre|misguided|naive|outrageous|pathetic|pointless|questionable"
    "|reckless|shameful|silly|splendid|stupid|superb|terrific|tragic|unacceptable|unbelievable"
    "|unfortunate|visionary|weird|wonderful|worthless|masterpiece|nonsense|farce|fiasco|blunder"
    "|debacle|travesty|overrated|underrated|refreshing|admirable|commendable|deplorable"
    "|disgraceful|laudable|regrettable|thrilling|dangerous game|lost its way|hopefully|i hope"
    "|truly|utterly|absolutely|incredibly|deeply|really|totally|simply|extraordinary|dazzling"
    "|lackluster|lacklustre|underwhelming|overblown|overhyped|worrisome|exhausted"
    "|in our view|in my view|in our opinion|in my opinion"
)
HEDGE = Lexicon.of(
    "might|perhaps|probably|possibly|maybe|seems|seem|seemingly|appears to|arguably"
    "|i think|i suspect|i believe|my guess|guess|presumably|could be|would be|somewhere"
)
CALL_TO_ACTION = Lexicon.of(
    "subscribe|sign up|newsletter|click here|follow us|share this|in your inbox"
    "|thanks for reading|request for comment|declined to comment|could not be reached"
    "|did not respond|read more|see you next|leave a comment|reached out|if you want"
    "|in case you missed|all rights reserved|registered trademark|licensed under|creative commons"
    "|comments are closed|powered by|reporting by|editing by|terms of use|privacy policy|cookies"
    "|sponsored content|sponsored post|sponsored links|paid partnership|affiliate links"
    "|affiliate link|advertisement|apply online|find out more|get in touch|for more information"
    "|more information|contact us|did not receive a reply|did not reply|did not return"
    "|requests for comment|no reply|not immediately respond"
)
