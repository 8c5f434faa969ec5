/** The product's name as users see it: window titles, menus, About, messages. */
export const PRODUCT_NAME = 'Berthmaster';
