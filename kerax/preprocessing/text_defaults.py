"""Splitting a text into words, as tf.keras's text functions and Tokenizer do."""

DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'  # punctuation (without "'"), tabs and line breaks


def text_to_word_sequence(input_text, filters=DEFAULT_FILTERS, lower=True, split=" "):
    """The words of `input_text`: lowercased (if `lower`), every character of `filters` turned into `split`,
    split on `split`, empty pieces dropped. `text_to_word_sequence('This is a sample sentence.')` is
    `['this', 'is', 'a', 'sample', 'sentence']`."""
    if lower:
        input_text = input_text.lower()
    input_text = input_text.translate(str.maketrans({c: split for c in filters}))
    return [word for word in input_text.split(split) if word]
