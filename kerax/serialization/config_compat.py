"""Configs written by other Keras versions carry arguments kerax's classes do not take (`time_major`,
`groups`, Keras 3.x's `quantization_config`, `input_axes`, ...). Such arguments are dropped, with a warning
when they held a value that mattered, instead of stopping the load."""
import inspect
import warnings

# TF1-era initializers and regularizers recorded a dtype; kerax's take it from the variable they fill.
_HARMLESS = frozenset({"dtype"})


def construct(cls, config, build):
    """`build(config)`, retried without the arguments `cls` does not accept if it fails because of them."""
    try:
        return build(config)
    except TypeError as error:
        if "unexpected keyword argument" not in str(error):
            raise
        accepted = accepted_arguments(cls)
        unknown = sorted(k for k in config if k not in accepted)
        if not unknown:
            raise
        meaningful = [k for k in unknown if config[k] not in (None, False, {}, []) and k not in _HARMLESS]
        if meaningful:
            warnings.warn(
                f'{cls.__name__} "{config.get("name", "")}": ignoring argument(s) {meaningful} of the saved '
                f"config; kerax's {cls.__name__} has no such argument (the file comes from another Keras "
                "version).",
                stacklevel=3,
            )
        cleaned = {k: v for k, v in config.items() if k in accepted}
        try:
            return build(cleaned)
        except Exception:
            raise error from None


def accepted_arguments(cls):
    """Keyword names the constructors of `cls` accept, following `**kwargs` up the class hierarchy."""
    accepted = set()
    for klass in cls.__mro__:
        if klass is object or "__init__" not in vars(klass):
            continue
        params = inspect.signature(vars(klass)["__init__"]).parameters.values()
        accepted.update(p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY))
        if not any(p.kind is p.VAR_KEYWORD for p in params):
            break
    accepted.discard("self")
    return accepted
