import control from '../../src/controls/sudo-in-entrypoint.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];

controlTester.run(control, {
  valid: [
    {
      name: 'plain command',
      object: podWith({ command: ['/app/server'], args: ['--port', '80'] }),
    },
    {
      name: 'word containing sudo',
      object: podWith({ command: ['pseudo-tool'], args: ['--sudoers=x', 'sudoku'] }),
    },
    { name: 'command not a list', object: podWith({ command: 'sudo app' }) },
    { name: 'non-string entries', object: podWith({ command: [null, 3, { sudo: true }] }) },
  ],
  invalid: [
    {
      name: 'sudo as the command',
      object: podWith({ command: ['sudo', '-u', 'app', 'server'] }),
      violations: [
        {
          messageId: 'sudo',
          path: [...C, 'command', 0],
          evidence: 'sudo',
          data: { container: 'container "app"', field: 'command' },
        },
      ],
    },
    {
      name: 'sudo inside a shell script in args',
      object: podWith({ command: ['sh', '-c'], args: ['mkdir /x && sudo chown app /x; exec app'] }),
      violations: [
        {
          messageId: 'sudo',
          path: [...C, 'args', 0],
          data: { container: 'container "app"', field: 'args' },
        },
      ],
    },
    {
      name: 'absolute path to sudo in an init container',
      object: workloadOf('Job', {
        containers: [{ name: 'a', image: 'a:1' }],
        initContainers: [{ name: 'init', image: 'a:1', command: ['/usr/bin/sudo', 'setup'] }],
      }),
      violations: [
        {
          messageId: 'sudo',
          path: ['spec', 'template', 'spec', 'initContainers', 0, 'command', 0],
        },
      ],
    },
  ],
  skipped: [{ name: 'containers missing', object: workloadOf('Pod', {}) }],
});
