import control from '../../src/controls/controller-manager-profiling.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-controller-manager', {
  valid: [
    { name: 'set to false', flags: ['--profiling=false'] },
    { name: 'repeated, last false', flags: ['--profiling=true', '--profiling=false'] },
  ],
  invalid: [
    {
      name: 'unset: default true',
      flags: ['--v=2'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'profiling',
          data: { value: 'unset (default: true)', expected: 'false' },
        },
      ],
    },
    {
      name: 'set to true',
      flags: ['--profiling=true'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'profiling',
          data: { value: '= true', expected: 'false' },
        },
      ],
    },
    {
      name: 'repeated, last true',
      flags: ['--profiling=false', '--v=2', '--profiling=true'],
      problems: [{ messageId: 'flag-value', flag: 'profiling' }],
    },
  ],
});
