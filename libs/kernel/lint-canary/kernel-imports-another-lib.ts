// Lint canary: this file MUST fail `@nx/enforce-module-boundaries` (kernel depends on nothing, and
// pure libs never import Nest). tools/lint-canary.mjs lints it and fails CI when it passes.
import { Injectable } from '@nestjs/common';
import { quote } from '@zizhu/pricing';

export const canary = [Injectable, quote];
