// Placeholder: the workshop pages land here.
export {};

document.getElementById('app')!.textContent = 'Tug of War: workshop pages';
