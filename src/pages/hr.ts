// Placeholder: the hr pages land here.
export {};

document.getElementById('app')!.textContent = 'Tug of War: hr pages';
