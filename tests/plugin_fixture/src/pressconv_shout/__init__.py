"""A third-party pressconv writer: the headline in capitals, then the lead."""

from pressconv.model import Paragraph, plain_text
from pressconv.writers import Writer


class ShoutWriter(Writer):
    """Writes the headline in capitals and the first paragraph below it."""

    name = "shout"
    aliases = ("loud",)
    suffixes = (".shout",)
    binary = False
    description = "the headline in capitals (a test plug-in)"

    def write(self, document, context):
        lead = next((b for b in document.body if isinstance(b, Paragraph)), None)
        text = (document.headline or "").upper() + "\n"
        return text + (plain_text(lead.children) + "\n" if lead else "")
