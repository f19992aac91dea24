"""Function words of common languages, for telling prose from menus.

Prose in any language is full of short function words; menus, headlines and
link lists have few. Each list holds a language's most frequent ones.
"""

from __future__ import annotations

STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the a an and or but of to in on at for with by from as is are was were be been it its this that these "
        "those he she they we you i his her their our your not no have has had will would can could should "
        "there which who what when where about into than then also after before over more most some such",
        "de": "der die das und oder aber ist sind war waren ein eine einer eines dem den des zu im in am an auf für "
        "mit von bei aus nach als auch nicht es sie er wir ihr ich wie so dass noch nur um über vor sich hat haben",
        "fr": "le la les un une des et ou mais de du au aux en dans sur pour par avec est sont était été il elle ils "
        "elles nous vous je ce cette ces qui que quoi ne pas plus se sa son ses leur leurs a ont comme aussi",
        "es": "el la los las un una unos unas y o pero de del al en con por para es son era fue ser se su sus que "
        "qué no lo le les como más este esta estos estas también ha han hay sin sobre entre",
        "it": "il lo la i gli le un uno una e o ma di del della dei delle da in con su per è sono era che non si "
        "come anche più questo questa nel nella al alla ha hanno",
        "pt": "o a os as um uma uns umas e ou mas de do da dos das em no na nos nas por para com é são era foi que "
        "não se seu sua seus suas como mais também ao aos pelo pela este esta isso tem",
        "nl": "de het een en of maar van in op te voor met door uit aan is zijn was waren dat die dit niet ook als "
        "er hij zij wij we ze bij naar om tot dan nog wel heeft hebben",
        "sv": "och i att det som en på är av för med till den har de inte om ett han hon var men vi från kan så "
        "man eller när också efter",
        "da": "og i at det som en på er af for med til den har de ikke om et han hun var men vi fra kan så eller "
        "når også efter",
        "no": "og i at det som en på er av for med til den har de ikke om et han hun var men vi fra kan så eller "
        "når også etter",
        "pl": "i w na z do że się nie jest to jak o od po za przez dla jego jej ich ale lub czy być są był była "
        "który która które których tego tym też już bo oraz może tylko jednak został została będzie gdy przy "
        "ponad jeśli nawet ile swoje swój",
        "cs": "a v na se je to že s z do o k ale jak by pro jsou byl byla jeho její od po jako i",
        "ru": "и в на с что не это как по из за к от о у он она они мы вы я его ее их но или для был была были "
        "есть также уже же бы то",
        "uk": "і й в у на з що не це як по із за до від про він вона вони ми ви я його її їх але або для був "
        "була були також вже та який яка які цього ще лише тому коли після через понад ніж навіть якщо свої "
        "своє свого дедалі адже",
        "tr": "ve bir bu da de ile için olan gibi daha çok en ama ya o ne var olarak kadar sonra",
        "id": "dan yang di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga atau oleh karena sebagai "
        "ada bisa mereka kami kita",
        "ro": "și în la de pe cu un o a al ai ale este sunt că nu se din pentru mai care ce",
        "hu": "a az és egy hogy nem is van volt de meg el ki be mint csak már",
        "fi": "ja on ei se että oli ovat mutta kun niin myös hän he me",
    }.items()
}

ALL_STOPWORDS: frozenset[str] = frozenset().union(*STOPWORDS.values())


def guess_language(words: list[str]) -> str | None:
    """The language whose function words are most frequent in ``words``, if clear."""
    if len(words) < 20:
        return None
    counts = {lang: sum(1 for w in words if w in stop) for lang, stop in STOPWORDS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] >= 0.08 * len(words) else None
