"""The NLP core: pure Python, no Django. Run it on files with ``python -m tracker.extraction --json FILES``.

decoding   bytes to text (BOM, declared charset, detection; GBK/GB18030)
clean      main text and metadata of HTML, text and Markdown; paragraph filters
language   the article's language and script; paragraphs in another one
sentences  sentence splitting with offsets
dates      calendar dates in English text
deadlines  deadline phrases, resolved against the document's date
parties    the party dataset (countries and organisations, aliases)
topics     the fixed topic list and its keywords
lexicon    parties and topics as one lookup object (built from the datasets or database rows)
context    a document's parties, officials and issuer
triggers   the words that can make a clause a commitment, with their strength
detect     commitment candidates (English), following the labelling rules
chinese    commitment candidates in Chinese text
pipeline   document in, clean text and candidates out; the JSON line
evaluate   scoring against a labelled folder
cli        the command line
match      near-duplicates, duplicate commitments, evidence ranking
"""
