"""numpy's vectorised L2 loss and gradient for y ≈ a·x over 10⁶ points, on the same
synthetic data as benches/core.rs, to compare with `cargo bench -p descent-core`.

Run: python3 -m pip install numpy && python3 crates/core/benches/numpy_l2.py
"""
import platform
import timeit

import numpy as np

N = 1_000_000
i = np.arange(N)
x = (i % 1000) * 0.01
y = 9.8 * x + ((i * 7919) % 1000) / 1000.0 - 0.5
a = 8.0


def loss_and_gradient():
    r = y - a * x
    return r @ r, -2.0 * (r @ x)


loss, grad = loss_and_gradient()
runs = timeit.repeat(loss_and_gradient, number=20, repeat=15)
per_call = sorted(runs)[len(runs) // 2] / 20
print(f"numpy {np.__version__} on Python {platform.python_version()}")
print(f"L = {loss:.6g}, dL/da = {grad:.6g}")
print(f"numpy loss+gradient, 10^6 points: {per_call * 1e3:.3f} ms median "
      f"({N / per_call / 1e6:.0f} M points/s)")
