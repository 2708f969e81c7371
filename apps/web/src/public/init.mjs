/* global document, window, XMLHttpRequest, DOMParser, FormData */
// The NHS.UK frontend's scripts enhance pages that already work without them.
import { initAll } from '/nhsuk/nhsuk-frontend.min.js';

initAll();

/**
 * The CWT upload with progress: the same form sent by XMLHttpRequest, whose upload events say how
 * much of a large file has gone. The answer is what the browser would have shown: the import's
 * page after its redirect, or the form again with its problems. Without JavaScript, or if this
 * fails, the form posts as usual.
 */
function enhanceUploads(root) {
  for (const form of root.querySelectorAll('form[data-upload-progress]')) {
    const status = form.querySelector('[data-upload-status]');
    form.addEventListener('submit', (event) => {
      const file = form.querySelector('input[type=file]');
      if (!status || !file || file.files.length === 0) {
        return;
      }
      event.preventDefault();
      const button = form.querySelector('button');
      button?.setAttribute('disabled', 'disabled');
      const request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', (progress) => {
        if (progress.lengthComputable) {
          const percent = Math.round((progress.loaded / progress.total) * 100);
          status.textContent = `Sending the file: ${percent}%`;
        }
      });
      request.upload.addEventListener('load', () => {
        status.textContent =
          'File sent. Checking each line; this can take a minute for a large file.';
      });
      request.addEventListener('load', () => {
        const answer = new DOMParser().parseFromString(request.responseText, 'text/html');
        const main = answer.querySelector('main');
        if (
          request.responseURL &&
          new URL(request.responseURL).pathname !== form.getAttribute('action')
        ) {
          window.location.assign(request.responseURL);
        } else if (main) {
          document.title = answer.title;
          document.querySelector('main')?.replaceWith(main);
          main.querySelector('.nhsuk-error-summary')?.focus();
          enhanceUploads(main);
        } else {
          form.submit();
        }
      });
      request.addEventListener('error', () => form.submit());
      request.send(new FormData(form));
    });
  }
}

enhanceUploads(document);
