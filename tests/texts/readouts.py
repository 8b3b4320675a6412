"""Two accounts of one invented meeting, written for the tests: a United States readout in English
and the Chinese side's account in Chinese. They share the military channel, the counter-narcotics
working group and flights (which the Chinese account words more firmly); each also has a pledge or
a subject the other leaves out."""

US_READOUT = """Readout of the Presidents' meeting in Harbour City

HARBOUR CITY, March 3, 2025 -- The President met the President of China today for three hours.

The two leaders agreed to resume high-level military communication, including calls between theater commanders.

They agreed to set up a working group on counter-narcotics cooperation to stop fentanyl trafficking.

The two sides committed to work towards more direct passenger flights next year.

The President reaffirmed that the United States will continue to defend its allies in the Indo-Pacific.

The President raised concerns about human rights in Xinjiang.
"""

CHINA_ACCOUNT = """中美两国元首在海港城会晤

新华社海港城3月3日电 国家主席今天同美国总统举行会晤。

两国元首同意恢复两军高层沟通，开展两军战区领导通话。

双方同意成立中美禁毒合作工作组，开展禁毒合作。

双方同意明年进一步增加两国直航航班。

双方同意建立人工智能政府间对话。

国家主席强调，台湾问题是中美关系中最重要最敏感的问题。
"""
