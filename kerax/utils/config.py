"""`Config`: a dict whose entries are also attributes; it can be frozen against changes and saved as JSON."""
import copy
import difflib
import json


class Config:
    """`config = Config(learning_rate=0.1); config.seed = 123; config["momentum"] = 0.9`; `config.freeze()`
    makes every later change raise."""

    def __init__(self, **kwargs):
        object.__setattr__(self, "_config", kwargs)
        object.__setattr__(self, "_frozen", False)

    @property
    def frozen(self):
        return self._frozen

    def _raise_if_frozen(self):
        if self._frozen:
            raise ValueError(
                "Cannot mutate attribute(s) because the config is frozen. Call `unfreeze()` first.")

    def as_dict(self):
        return copy.copy(self._config)

    def to_json(self):
        return json.dumps(self._config)

    def keys(self):
        return self._config.keys()

    def values(self):
        return self._config.values()

    def items(self):
        return self._config.items()

    def get(self, keyname, value=None):
        return self._config.get(keyname, value)

    def pop(self, *args):
        self._raise_if_frozen()
        return self._config.pop(*args)

    def update(self, *args, **kwargs):
        self._raise_if_frozen()
        return self._config.update(*args, **kwargs)

    def freeze(self):
        object.__setattr__(self, "_frozen", True)

    def unfreeze(self):
        object.__setattr__(self, "_frozen", False)

    def __setattr__(self, name, value):
        if hasattr(type(self), name):  # the class's own methods and properties are not entries
            return object.__setattr__(self, name, value)
        self[name] = value

    def __getattr__(self, name):  # only called for names that are not attributes
        if name.startswith("__"):
            raise AttributeError(name)
        if name in self._config:
            return self._config[name]
        close = difflib.get_close_matches(name, self._config.keys(), n=1, cutoff=0.7)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise AttributeError(f"Unknown attribute: '{name}'.{hint}")

    def __setitem__(self, key, item):
        self._raise_if_frozen()
        self._config[key] = item

    def __getitem__(self, key):
        return self._config[key]

    def __delitem__(self, key):
        self._raise_if_frozen()
        del self._config[key]

    def __contains__(self, item):
        return item in self._config

    def __iter__(self):
        return iter(sorted(self._config))

    def __len__(self):
        return len(self._config)

    def __repr__(self):
        return f"<Config {self._config}>"
