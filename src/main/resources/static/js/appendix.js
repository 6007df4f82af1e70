// Expand or collapse every domain of the appendix table at once.
(function () {
    'use strict';
    function toggleAll(show) {
        document.querySelectorAll('.appendix tbody.criteria').forEach(function (body) {
            bootstrap.Collapse.getOrCreateInstance(body, { toggle: false })[show ? 'show' : 'hide']();
        });
    }
    var expand = document.querySelector('[data-expand-all]');
    var collapse = document.querySelector('[data-collapse-all]');
    if (expand) { expand.addEventListener('click', function () { toggleAll(true); }); }
    if (collapse) { collapse.addEventListener('click', function () { toggleAll(false); }); }
})();
