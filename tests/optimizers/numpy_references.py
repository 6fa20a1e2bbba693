"""The updates of Adafactor, Lion, Lamb, Muon and ScheduleFreeAdamW written out in NumPy (float64), from the
equations in their papers and Keras's documentation: `reference(state, grad, variable, t)` per step."""
import numpy as np


def rms(x):
    return np.sqrt(np.mean(x**2))


def adafactor(weights, grads, lr=0.001, beta_2_decay=-0.8, eps1=1e-30, eps2=1e-3, clip=1.0):
    w = weights.copy()
    r, c, v = np.zeros(w.shape[:-1]), np.zeros(w.shape[:-2] + w.shape[-1:]), np.zeros_like(w)
    for t, g in enumerate(grads, start=1):
        rho = min(lr, 1 / np.sqrt(t))
        alpha = max(eps2, rms(w)) * rho
        g2 = g**2 + eps1
        beta = 1 - t**beta_2_decay
        if w.ndim >= 2:
            r = beta * r + (1 - beta) * g2.mean(-1)
            c = beta * c + (1 - beta) * g2.mean(-2)
            v = (r / r.mean(-1, keepdims=True))[..., :, None] * c[..., None, :]
        else:
            v = beta * v + (1 - beta) * g2
        u = g / np.sqrt(v)
        w = w - alpha * u / max(1.0, rms(u) / clip)
    return w


def lion(weights, grads, lr=0.001, beta_1=0.9, beta_2=0.99):
    w, m = weights.copy(), np.zeros_like(weights)
    for g in grads:
        w = w - lr * np.sign(beta_1 * m + (1 - beta_1) * g)
        m = beta_2 * m + (1 - beta_2) * g
    return w


def lamb(weights, grads, lr=0.001, beta_1=0.9, beta_2=0.999, eps=1e-7):
    w, m, v = weights.copy(), np.zeros_like(weights), np.zeros_like(weights)
    for t, g in enumerate(grads, start=1):
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g**2
        u = (m / (1 - beta_1**t)) / (np.sqrt(v / (1 - beta_2**t)) + eps)
        w_norm, u_norm = np.linalg.norm(w), np.linalg.norm(u)
        ratio = w_norm / u_norm if w_norm > 0 and u_norm > 0 else 1.0
        w = w - lr * ratio * u
    return w


def newton_schulz(x, steps=5, a=3.4445, b=-4.7750, c=2.0315):
    tall = x.shape[0] > x.shape[1]
    x = x.T if tall else x
    x = x / (np.linalg.norm(x) + 1e-7)
    for _ in range(steps):
        gram = x @ x.T
        x = a * x + (b * gram + c * gram @ gram) @ x
    return x.T if tall else x


def muon_matrix(weights, grads, lr=0.001, momentum=0.95, weight_decay=0.004, rms_rate=0.2, nesterov=True):
    w, m = weights.copy(), np.zeros_like(weights)
    for g in grads:
        w = w - w * weight_decay * lr
        m = momentum * m + g
        direction = g + momentum * m if nesterov else m
        w = w - lr * newton_schulz(direction) * np.sqrt(max(w.shape)) * rms_rate
    return w


def adamw(weights, grads, lr=0.001, beta_1=0.9, beta_2=0.999, eps=1e-7, weight_decay=0.004):
    w, m, v = weights.copy(), np.zeros_like(weights), np.zeros_like(weights)
    for t, g in enumerate(grads, start=1):
        w = w - w * weight_decay * lr
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g**2
        w = w - lr * np.sqrt(1 - beta_2**t) / (1 - beta_1**t) * m / (np.sqrt(v) + eps)
    return w


def schedule_free_adamw(weights, grads, lr=0.0025, beta_1=0.9, beta_2=0.999, eps=1e-8, warmup_steps=0):
    """Defazio et al.'s Algorithm (AdamW variant): gradient steps on z, x the uniform average of the z's,
    and the trained weights y = (1 - beta_1) z + beta_1 x."""
    y, z, x, v = weights.copy(), weights.copy(), weights.copy(), np.zeros_like(weights)
    for t, g in enumerate(grads, start=1):
        lr_t = lr * min(t / warmup_steps, 1.0) if warmup_steps else lr
        v = beta_2 * v + (1 - beta_2) * g**2
        z = z - lr_t * g / (np.sqrt(v / (1 - beta_2**t)) + eps)
        x = (1 - 1 / t) * x + z / t
        y = (1 - beta_1) * z + beta_1 * x
    return y
