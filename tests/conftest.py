"""The suite's tests only; the example suite's plugin lives in the package it tests."""

pytest_plugins = ["checked_examples.pytest_plugin", "pytester"]
