import {
  ZCreatePriceListInput,
  ZCreateProductCategoryInput,
  ZCreateProductInput,
  ZIdParams,
  ZPriceList,
  ZPriceListList,
  ZPriceListPrices,
  ZPriceListPricesQuery,
  ZProduct,
  ZProductCategory,
  ZProductCategoryList,
  ZProductList,
  ZProductListQuery,
  ZPutPricesInput,
  ZUpdatePriceListInput,
  ZUpdateProductCategoryInput,
  ZUpdateProductInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import {
  createCategory,
  createPriceList,
  createProduct,
  deleteCategory,
  deletePriceList,
  deleteProduct,
  getPriceList,
  getProduct,
  listCategories,
  listPriceLists,
  listPrices,
  listProducts,
  putPrices,
  updateCategory,
  updatePriceList,
  updateProduct,
} from './products.service.ts';

/** The catalogue: categories, products and services, price lists and their prices. */
export async function productRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['products'];
  api.get('/products/categories', { schema: { tags, response: { 200: ZProductCategoryList } } }, async (request) => ({
    data: await listCategories(ctxOf(db, request)),
  }));
  api.post(
    '/products/categories',
    { schema: { tags, body: ZCreateProductCategoryInput, response: { 201: ZProductCategory } } },
    async (request, reply) => reply.status(201).send(await createCategory(ctxOf(db, request), request.body)),
  );
  api.patch(
    '/products/categories/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateProductCategoryInput, response: { 200: ZProductCategory } } },
    async (request) => updateCategory(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/products/categories/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteCategory(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.get('/products', { schema: { tags, querystring: ZProductListQuery, response: { 200: ZProductList } } }, async (request) =>
    listProducts(ctxOf(db, request), request.query),
  );
  api.post('/products', { schema: { tags, body: ZCreateProductInput, response: { 201: ZProduct } } }, async (request, reply) =>
    reply.status(201).send(await createProduct(ctxOf(db, request), request.body)),
  );
  api.get('/products/:id', { schema: { tags, params: ZIdParams, response: { 200: ZProduct } } }, async (request) =>
    getProduct(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/products/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateProductInput, response: { 200: ZProduct } } },
    async (request) => updateProduct(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/products/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteProduct(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });

  const listTags = ['price-lists'];
  api.get('/price-lists', { schema: { tags: listTags, response: { 200: ZPriceListList } } }, async (request) => ({
    data: await listPriceLists(ctxOf(db, request)),
  }));
  api.post(
    '/price-lists',
    { schema: { tags: listTags, body: ZCreatePriceListInput, response: { 201: ZPriceList } } },
    async (request, reply) => reply.status(201).send(await createPriceList(ctxOf(db, request), request.body)),
  );
  api.get('/price-lists/:id', { schema: { tags: listTags, params: ZIdParams, response: { 200: ZPriceList } } }, async (request) =>
    getPriceList(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/price-lists/:id',
    { schema: { tags: listTags, params: ZIdParams, body: ZUpdatePriceListInput, response: { 200: ZPriceList } } },
    async (request) => updatePriceList(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/price-lists/:id', { schema: { tags: listTags, params: ZIdParams } }, async (request, reply) => {
    await deletePriceList(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.get(
    '/price-lists/:id/prices',
    { schema: { tags: listTags, params: ZIdParams, querystring: ZPriceListPricesQuery, response: { 200: ZPriceListPrices } } },
    async (request) => listPrices(ctxOf(db, request), request.params.id, request.query),
  );
  api.put('/price-lists/:id/prices', { schema: { tags: listTags, params: ZIdParams, body: ZPutPricesInput } }, async (request, reply) => {
    await putPrices(ctxOf(db, request), request.params.id, request.body);
    return reply.status(204).send();
  });
}
