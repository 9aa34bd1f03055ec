"""The part of the whole a text's story is about, carried to a sentence that sums it up.

A text that tells of one region, people, operation, camp or trial over several sentences or paragraphs and then
sums it up ("In total, between 1944 and 1953 over 500,000 persons were persecuted", "Всего было депортировано
более 180 000 человек") counts that part, not the whole USSR, though its summing sentence names no part.  A
:class:`Story` remembers the last such part the text named, for ``STORY_REACH`` sentences; a sentence that names
the whole ("in the USSR", "по всей стране") ends it.  Only a sentence that opens with a word of summing (the
lexicon's ``sums_up`` rows) and names no part or whole of its own takes it (:func:`gulagstats.factcheck.frame_scopes.scope`),
marked as carried.
"""

from __future__ import annotations

from dataclasses import dataclass

from .context import Context
from .phrases import Token
from .resources import Resources

#: The parts of the whole a story is about (not a category of crimes, a count's own families, a plan or a body).
STORY_SCOPES = ("region", "nationality", "operation", "camp", "trial")
#: How many sentences after the one that named it a story's part is still carried.
STORY_REACH = 6
#: What the detail of a part carried from the story says.
STORY_CARRIED = "named in the sentences before"


@dataclass
class Story:
    """The last part of the whole the text named, and how many sentences ago."""

    part: tuple[str, str] | None = None
    age: int = 0

    def told(self, ctx: Context) -> None:
        """Go on past a sentence: the last story part it names, else the whole it names ends the story."""
        named = [row for _, _, row in ctx.scopes if row["scope"] in STORY_SCOPES]
        if named:
            self.part, self.age = (named[-1]["scope"], named[-1]["detail"]), 0
        elif any(row["scope"] == "whole" for _, _, row in ctx.scopes):
            self.part = None
        else:
            self.age += 1
            if self.age > STORY_REACH:
                self.part = None

    def summed(self, toks: list[Token], data: Resources) -> tuple[str, str] | None:
        """The story's part, marked as carried, for a sentence that opens with a word of summing; else None.

        Examples
        --------
        >>> from gulagstats.factcheck.phrases import tokens
        >>> from gulagstats.factcheck.resources import load_resources
        >>> story, data = Story(("region", "Ukraine")), load_resources()
        >>> story.summed(tokens("In total, over 500,000 were persecuted."), data)
        ('region', 'Ukraine (named in the sentences before)')
        >>> story.summed(tokens("In all probability 500,000 were persecuted."), data) is None
        True
        """
        if self.part is None or not any(
            x.first == 0 for x in data.lexicon["sums_up"].phrases.find(toks[:4])
        ):
            return None
        return self.part[0], f"{self.part[1]} ({STORY_CARRIED})".lstrip()
