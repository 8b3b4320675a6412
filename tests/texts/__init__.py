"""Short documents written for the tests (never copied from the labelled devset)."""

# A news report in the shape of the project's seed article: pledges of a dialogue round, a past
# hand-over that is evidence rather than a pledge, and trailing Chinese headlines from the page
# it was copied from, which are boilerplate.
DIALOGUE_REPORT = """\
BEIJING, March 14 -- China and the United States pledged on Tuesday to deepen cooperation in \
counter-narcotics, cybersecurity and the repatriation of fugitives at the second round of their \
Example Law Enforcement Dialogue.

The two sides agreed to set up a hotline for urgent cyber-crime cases before the end of June.

The United States will issue travel documents for verified illegal immigrants within 30 days of \
verification, according to a joint statement released after the meeting.

The two sides also intended to exchange liaison officers on counter-narcotics cases.

Since January, Chinese police have handed over three suspects to U.S. law enforcement.

The meeting was co-chaired by the two countries' ministers of public security.

示例新闻标题：全国春季农业生产工作会议召开
示例新闻标题：多地出台措施促进消费回暖
示例新闻标题：高校毕业生就业服务专项行动启动
示例新闻标题：博物馆夜场开放受到游客欢迎
示例新闻标题：新能源汽车下乡活动走进县城
"""

DIALOGUE_REPORT_PLEDGES = [
    "pledged on Tuesday to deepen cooperation",
    "agreed to set up a hotline",
    "will issue travel documents",
    "intended to exchange liaison officers",
]

# A later report: concrete progress on repatriation, next to generic cooperation language.
FOLLOW_UP_REPORT = """\
WASHINGTON, May 2 -- The U.S. law enforcement has handed over two criminal suspects to Chinese \
police, the Ministry of Public Security said on Thursday.

Officials of both countries said they would strengthen cooperation in law enforcement.

The two sides agreed to strengthen cooperation and to keep in close communication.
"""


def html_page(text: str, title: str = "Example Dialogue report") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f'<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        f"<footer>Copyright Example News</footer></body></html>"
    )
