// The appendix table: a domain's criteria are fetched when it is first opened; expand or collapse every domain
// at once; print the page.
(function () {
    'use strict';
    function load(body) {
        var url = body.getAttribute('data-rows-url');
        if (!url || body.getAttribute('data-loaded')) { return; }
        body.setAttribute('data-loaded', 'loading');
        fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
            .then(function (response) {
                if (!response.ok) { throw new Error(response.status); }
                return response.text();
            })
            .then(function (html) {
                body.innerHTML = html;
                body.setAttribute('data-loaded', 'true');
            })
            .catch(function () {
                body.removeAttribute('data-loaded');
                var cell = body.querySelector('.rows-loading td');
                if (cell) { cell.textContent = body.getAttribute('data-error') || cell.textContent; }
            });
    }
    document.querySelectorAll('.appendix tbody.criteria[data-rows-url]').forEach(function (body) {
        body.addEventListener('show.bs.collapse', function () { load(body); });
    });
    function toggleAll(show) {
        document.querySelectorAll('.appendix tbody.criteria.collapse').forEach(function (body) {
            bootstrap.Collapse.getOrCreateInstance(body, { toggle: false })[show ? 'show' : 'hide']();
        });
    }
    var expand = document.querySelector('[data-expand-all]');
    var collapse = document.querySelector('[data-collapse-all]');
    var print = document.querySelector('[data-print]');
    if (expand) { expand.addEventListener('click', function () { toggleAll(true); }); }
    if (collapse) { collapse.addEventListener('click', function () { toggleAll(false); }); }
    if (print) { print.addEventListener('click', function () { window.print(); }); }
})();
