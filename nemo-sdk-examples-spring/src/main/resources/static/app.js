'use strict';
// Drop or choose a file, pick a preset or type an instruction, follow the job over server-sent events.
const form = document.getElementById('job-form');
const fileInput = document.getElementById('file');
const dropZone = document.getElementById('drop-zone');
const instruction = document.getElementById('instruction');
const format = document.getElementById('format');
const bars = {upload: document.getElementById('upload-bar'), agent: document.getElementById('agent-bar'),
  render: document.getElementById('render-bar')};
let dropped = null;

dropZone.addEventListener('dragover', e => { e.preventDefault(); dropZone.classList.add('over'); });
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
dropZone.addEventListener('drop', e => {
  e.preventDefault();
  dropZone.classList.remove('over');
  dropped = e.dataTransfer.files[0] || null;
  if (dropped) document.getElementById('drop-text').textContent = dropped.name;
});
fileInput.addEventListener('change', () => {
  dropped = null;
  if (fileInput.files[0]) document.getElementById('drop-text').textContent = fileInput.files[0].name;
});
document.querySelectorAll('.preset').forEach(b => b.addEventListener('click', () => {
  instruction.value = b.dataset.instruction;
  format.value = b.dataset.format;
}));

function log(text) {
  const li = document.createElement('li');
  li.textContent = text;
  document.getElementById('log').appendChild(li);
}

function show(stage, event) {
  log(event.text);
  const bar = bars[stage];
  if (bar && event.percent !== null && event.percent !== undefined) bar.value = event.percent;
}

form.addEventListener('submit', async e => {
  e.preventDefault();
  const file = dropped || fileInput.files[0];
  if (!file) { alert('Choose a file first'); return; }
  const body = new FormData();
  body.append('file', file, file.name);
  body.append('instruction', instruction.value);
  body.append('format', format.value);
  document.getElementById('start').disabled = true;
  document.getElementById('progress').hidden = false;
  const response = await fetch('api/jobs', {method: 'POST', body});
  if (!response.ok) { fail('The server refused the job: HTTP ' + response.status); return; }
  const {id} = await response.json();
  const events = new EventSource('api/jobs/' + id + '/events');
  ['upload', 'agent', 'render'].forEach(stage =>
    events.addEventListener(stage, m => show(stage, JSON.parse(m.data))));
  events.addEventListener('done', m => {
    events.close();
    const event = JSON.parse(m.data);
    Object.values(bars).forEach(b => b.value = 100);
    log(event.text);
    const result = event.result;
    document.getElementById('summary').textContent = result.fileName + ': ' + event.text.replace(/^Done: /, '')
      + (result.renderer ? ' [' + result.renderer + ']' : '');
    const link = document.getElementById('download');
    link.href = result.downloadUrl.replace(/^\//, '');
    link.setAttribute('download', result.fileName);
    link.dataset.ratio = result.ratio.toFixed(2);
    document.getElementById('result').hidden = false;
  });
  events.addEventListener('error', m => {
    events.close();
    if (m.data) fail(JSON.parse(m.data).text); else if (document.getElementById('result').hidden) fail('Connection lost');
  });
});

function fail(text) {
  const el = document.getElementById('error');
  el.textContent = 'Failed: ' + text;
  el.hidden = false;
  document.getElementById('start').disabled = false;
}
