"""StringLookup: strings to vocabulary indices (or back, with `invert=True`), on the host; see
index_lookup.py."""
from kerax.layers.preprocessing.index_lookup import IndexLookup


class StringLookup(IndexLookup):
    def __init__(self, max_tokens=None, num_oov_indices=1, mask_token=None, oov_token="[UNK]",
                 vocabulary=None,
                 idf_weights=None, invert=False, output_mode="int", pad_to_max_tokens=False, sparse=False,
                 encoding="utf-8", name=None, salt=None, **kwargs):
        kwargs.pop("vocabulary_dtype", None)  # strings are the only vocabulary type here
        super().__init__(max_tokens=max_tokens, num_oov_indices=num_oov_indices, mask_token=mask_token,
                         oov_token=oov_token, vocabulary=vocabulary, idf_weights=idf_weights, invert=invert,
                         output_mode=output_mode, pad_to_max_tokens=pad_to_max_tokens, sparse=sparse,
                         name=name,
                         salt=salt, vocabulary_dtype="string", encoding=encoding, **kwargs)

    def get_config(self):
        config = {**super().get_config(), "encoding": self.encoding}
        del config["vocabulary_dtype"]
        return config
